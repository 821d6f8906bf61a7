import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { dateField, decimalText, filledRows, formFieldNames, maxLengthOf, pickedId, rows } from "@/lib/actions/fields";
import { issuesToErrors, readForm } from "@/lib/actions/form-state";
import { CommitmentUpdateSchema } from "@/lib/commitments/schema";
import { MeetingFormSchema } from "@/lib/meetings/schema";
import { OrganizationFormSchema } from "@/lib/organizations/schema";
import { listQuery } from "@/lib/pagination";
import { TradeUpdateSchema } from "@/lib/trade/schema";
import { PasswordChangeSchema } from "@/lib/users/schema";

const errorsOf = (schema: z.ZodType, values: Record<string, string>) => {
  const parsed = schema.safeParse(readForm(values).data);
  return parsed.success ? {} : issuesToErrors(parsed.error.issues);
};

describe("required field types", () => {
  it("are typed without null, and blank is an error rather than null", () => {
    expectTypeOf(pickedId({ required: true }).parse("7")).toEqualTypeOf<number>();
    expectTypeOf(pickedId({ required: false }).parse("7")).toEqualTypeOf<number | null>();
    expectTypeOf(decimalText({ max: 100, required: true }).parse("1")).toEqualTypeOf<string>();
    expectTypeOf(decimalText({ max: 100 }).parse("1")).toEqualTypeOf<string | null>();
    expectTypeOf(dateField({ required: true }).parse("2015-03-10")).toEqualTypeOf<Date>();
    expect(pickedId({ required: true }).safeParse("").success).toBe(false);
    expect(pickedId({ required: false }).parse("")).toBeNull();
    expect(decimalText({ max: 100, required: true }).safeParse(" ").success).toBe(false);
    expect(dateField({ required: true }).safeParse(undefined).success).toBe(false);
  });
});

describe("rows", () => {
  const group = z.object({ list: rows(z.object({ name: z.string().min(2, { error: "tooShort" }) }), 5) });

  it("drops removed and blank rows and keeps each filled row's number from the form", () => {
    expect(group.parse(readForm({ "list.0.name": "ab", "list.1.name": "", "list.4.name": "cd" }).data)).toEqual({
      list: [
        { name: "ab", index: 0 },
        { name: "cd", index: 4 },
      ],
    });
  });

  it("puts a row's error on that row's number, and refuses more rows than the group takes", () => {
    expect(errorsOf(group, { "list.0.name": "", "list.3.name": "x" })).toEqual({ "list.3.name": ["tooShort"] });
    expect(errorsOf(group, { "list.0.name": "ab", "list.5.name": "ab" })).toEqual({ list: ["tooMany|5"] });
  });

  it("gives a rule on the whole form each filled row with its number, whether the group parsed or a row failed", () => {
    const seen: number[][] = [];
    const schema = z
      .object({ list: rows(z.object({ name: z.string().min(2) }), 5), other: z.string().min(2) })
      .superRefine((data) => void seen.push(filledRows(data.list).map((row) => row.index)));
    schema.safeParse(readForm({ "list.1.name": "ab", "list.3.name": "cd", other: "x" }).data);
    schema.safeParse(readForm({ "list.1.name": "ab", "list.3.name": "c", other: "xy" }).data);
    expect(seen).toEqual([
      [1, 3],
      [1, 3],
    ]);
  });

  it("lets the organization form name a sector given twice by its row, across a removed row", () => {
    const form = { kind: "enterprise", name: "Tuskar", regionId: "3", status: "active", primarySector: "C" };
    expect(errorsOf(OrganizationFormSchema, { ...form, "sectors.0.code": "A", "sectors.2.code": "A" })["sectors.2.code"]).toEqual([
      "sectorTwice",
    ]);
    // Also while another sector row fails its own check.
    const failing = errorsOf(OrganizationFormSchema, { ...form, "sectors.0.code": "A", "sectors.2.code": "A", "sectors.3.code": "ZZ" });
    expect(failing["sectors.2.code"]).toEqual(["sectorTwice"]);
    expect(failing["sectors.3.code"]).toEqual(["invalid"]);
  });
});

describe("a form read off its schema", () => {
  it("sets each input's maxLength from the bound its field type checks", () => {
    expect(maxLengthOf(MeetingFormSchema, "titleEn")).toBe(300);
    expect(maxLengthOf(MeetingFormSchema, "participants.12.roleRu")).toBe(300);
    expect(maxLengthOf(MeetingFormSchema, "sourceUrl")).toBe(500);
    expect(maxLengthOf(OrganizationFormSchema, "registrationNumber")).toBe(40);
    expect(maxLengthOf(OrganizationFormSchema, "foundedYear")).toBe(4);
    expect(maxLengthOf(OrganizationFormSchema, "partners.0.share")).toBe("100.00".length);
    // The largest amount with a space between thousands: "10 000 000 000 000.00".
    expect(maxLengthOf(TradeUpdateSchema, "turnoverUsd")).toBe("10 000 000 000 000.00".length);
    expect(maxLengthOf(PasswordChangeSchema, "confirmPassword")).toBe(200);
    expect(maxLengthOf(MeetingFormSchema, "level")).toBeUndefined();
    expect(maxLengthOf(MeetingFormSchema, "nothing.here")).toBeUndefined();
  });

  it("names the fields of the form and of its rows, without the version", () => {
    expect(formFieldNames(CommitmentUpdateSchema)).toEqual([
      "meetingId",
      "textEn",
      "textRu",
      "parties",
      "parties.kind",
      "parties.organizationId",
      "parties.regionId",
      "dueDate",
      "status",
      "followUps",
      "followUps.meetingId",
      "followUps.note",
    ]);
  });
});

describe("listQuery", () => {
  it("keeps the filters given and leaves out the default sort and page size", () => {
    const params = { kind: "university", region: undefined, sort: "name-asc", perPage: 25, page: 2 };
    expect(listQuery(params, ["kind", "region"], "name-asc")).toEqual({ kind: "university", region: undefined, page: 2 });
    expect(listQuery({ ...params, sort: "name-desc", perPage: 50 }, ["kind"], "name-asc")).toEqual({
      kind: "university",
      sort: "name-desc",
      perPage: 50,
      page: 2,
    });
  });
});
