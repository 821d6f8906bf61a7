import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { formLimits, formValues, readForm, type FormValues } from "@/lib/actions/form-state";

// Issue 13, findings 1 and 2: the form reader took `__proto__.polluted` onto Object.prototype (every page 500
// until a restart) and built an array of a billion slots from `partners.1000000000.regionId`.

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const cleanPrototype = prototypeKeys();

afterEach(() => {
  // Whatever a test did, the next one starts from a clean prototype (and this one's failure is its own).
  for (const key of prototypeKeys()) if (!cleanPrototype.includes(key)) delete (Object.prototype as Record<string, unknown>)[key];
});

/** Keys an attacker would try: the prototype's names, indexes up to 2^53, odd numbers, ordinary names. */
const key = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "length", "polluted", "toString", "hasOwnProperty", "valueOf"),
  fc.constantFrom("partners", "sectors", "share", "regionId", "name", "0", "1", "199", "200", "007", "-1", "1e3", ""),
  fc.bigInt({ min: 0n, max: 2n ** 53n }).map(String),
  fc.string({ maxLength: 12 }),
);
const formName = fc
  .tuple(fc.array(key, { minLength: 1, maxLength: 8 }), fc.boolean())
  .map(([keys, list]) => keys.join(".") + (list ? "[]" : ""));
const formValue = fc.oneof(fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }));

function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

describe("the form reader, given any names", () => {
  it("never throws, never reaches Object.prototype, and stays quick", () => {
    fc.assert(
      fc.property(fc.dictionary(formName, formValue, { maxKeys: 40 }), (values: FormValues) => {
        const { result, ms } = timed(() => readForm(values));
        expect(typeof result.data).toBe("object");
        expect(prototypeKeys()).toEqual(cleanPrototype);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        // The attack took 8-11 s; a form of 40 names is read in well under a millisecond. The bound is loose
        // so that a loaded machine's pauses do not fail it; a reader that builds huge arrays still would.
        expect(ms).toBeLessThan(1_000);
      }),
      { numRuns: 2_000 },
    );
  });

  it("reads the same names from FormData as a browser sends them, keeping no unsafe name", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(formName, fc.string({ maxLength: 10 })), { maxLength: 40 }), (entries) => {
        const data = new FormData();
        for (const [name, value] of entries) data.append(name, value);
        const values = formValues(data);
        for (const name of Object.keys(values)) expect(name.split(/\.|\[\]/)).not.toContain("__proto__");
        expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
        readForm(values);
        expect(prototypeKeys()).toEqual(cleanPrototype);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("the form reader, given the attacks of issue 13", () => {
  it.each([
    ["__proto__.polluted", "yes"],
    ["constructor.prototype.polluted", "yes"],
    ["partners.0.__proto__.polluted", "yes"],
    ["partners.0.constructor.prototype.polluted", "yes"],
    ["__proto__[]", "yes"],
  ])("refuses %s as tampered and leaves Object.prototype alone", (name, value) => {
    const data = new FormData();
    data.append(name, value);
    data.append("name", "Gomselmash");
    const read = readForm(formValues(data));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeKeys()).toEqual(cleanPrototype);
    expect(read.data).toEqual({ name: "Gomselmash" });
    // Handed values that skipped formValues (a caller of its own), the reader refuses the form as tampered.
    const direct = readForm({ [name]: value });
    expect(direct.errors.form).toEqual(["invalid"]);
    expect(prototypeKeys()).toEqual(cleanPrototype);
  });

  it("refuses a row index past the limit as a field error, without building the rows", () => {
    const { result, ms } = timed(() => readForm({ "partners.1000000000.regionId": "10", "partners.0.regionId": "3" }));
    expect(result.errors).toEqual({ partners: [`tooMany|${formLimits.rows}`] });
    expect(result.data).toEqual({ partners: [{ regionId: "3" }] });
    expect(ms).toBeLessThan(1_000);
    const past = readForm({ [`partners.${formLimits.rows}.regionId`]: "1" });
    expect(past.errors.partners).toEqual([`tooMany|${formLimits.rows}`]);
    const last = readForm({ [`partners.${formLimits.rows - 1}.regionId`]: "1" });
    expect(last.errors).toEqual({});
    expect((last.data.partners as unknown[]).length).toBe(formLimits.rows);
  });

  it.each([["partners.length"], ["partners.007"], ["partners.-1"], ["partners.1e3"]])(
    "does not take %s for a row (length would resize the list)",
    (name) => {
      const read = readForm({ "partners.0.regionId": "3", [name]: "1000000000" });
      expect(read.errors.form).toEqual(["invalid"]);
      expect((read.data.partners as unknown[]).length).toBe(1);
    },
  );

  it("refuses a name nested 1,000 deep and a form of 10,000 fields, quickly", () => {
    const deep = readForm({ [Array.from({ length: 1_000 }, (_, i) => `k${i}`).join(".")]: "x" });
    expect(deep.errors.form).toEqual(["invalid"]);
    expect(deep.data).toEqual({});

    const data = new FormData();
    for (let i = 0; i < 10_000; i += 1) data.append(`field${i}`, "x");
    const { result, ms } = timed(() => readForm(formValues(data)));
    expect(result.errors.form).toEqual(["invalid"]);
    expect(Object.keys(result.data).length).toBeLessThanOrEqual(formLimits.fields);
    expect(ms).toBeLessThan(2_000);
  });

  it("keeps a list (a multi-select) to the row limit", () => {
    const data = new FormData();
    for (let i = 0; i < 5_000; i += 1) data.append("sectors[]", String(i));
    const values = formValues(data);
    expect((values["sectors[]"] as string[]).length).toBe(formLimits.rows + 1);
    expect((readForm(values).data.sectors as string[]).length).toBe(formLimits.rows);
  });

  it("still reads real forms as before", () => {
    const read = readForm({
      name: "Kursk Agro",
      "partners.0.share": "51",
      "partners.2.share": "49",
      "sectors[]": ["01", ""],
      "partners.1.share": "",
    });
    expect(read.errors).toEqual({});
    expect(read.data).toEqual({ name: "Kursk Agro", partners: [{ share: "51" }, undefined, { share: "49" }], sectors: ["01"] });
  });
});
