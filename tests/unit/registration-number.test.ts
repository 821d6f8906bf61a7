import { describe, expect, it } from "vitest";
import { checkInn, checkRegistrationNumber, checkUnp, normalizeRegistrationNumber } from "@/lib/organizations/registration-number";

describe("checkInn", () => {
  it.each([
    ["7707083893", "Sberbank"],
    ["7736207543", "Yandex"],
    ["7728168971", "Alfa-Bank"],
    ["500100732259", "a person's INN, both check digits"],
  ])("takes %s (%s)", (inn) => {
    expect(checkInn(inn)).toBeNull();
  });

  it.each(["7707083894", "7707083883", "500100732258", "500100732269"])("refuses %s, a wrong check digit", (inn) => {
    expect(checkInn(inn)).toBe("innCheckDigit");
  });

  it.each(["770708389", "77070838931", "7707o83893", "", "5001007322590"])("refuses %j, not 10 or 12 digits", (inn) => {
    expect(checkInn(inn)).toBe("innFormat");
  });

  it("catches every single mistyped digit of a 10-digit INN", () => {
    // The weighted sum modulo 11 changes with any one digit, except where the check digit wraps 10 to 0.
    const caught = Array.from({ length: 9 }, (_, place) =>
      Array.from({ length: 9 }, (_, step) => {
        const digits = [..."7707083893"];
        digits[place] = String((Number(digits[place]) + step + 1) % 10);
        return checkInn(digits.join("")) === "innCheckDigit";
      }),
    ).flat();
    expect(caught.filter(Boolean).length / caught.length).toBeGreaterThan(0.85);
  });
});

describe("checkUnp", () => {
  it.each([
    ["400051902", "Gomselmash"],
    ["600122610", "Belaruskali"],
    ["200988541", "an organization"],
    ["MA1953684", "a sole trader, letters first"],
  ])("takes %s (%s)", (unp) => {
    expect(checkUnp(unp)).toBeNull();
  });

  it.each(["400051903", "600122611", "200988542", "MA1953685"])("refuses %s, a wrong check digit", (unp) => {
    expect(checkUnp(unp)).toBe("unpCheckDigit");
  });

  it.each(["40005190", "4000519021", "800051902", "0000519020", "A41953684", "MZ1953684", "4000519O2"])(
    "refuses %j, not a UNP's form",
    (unp) => {
      expect(checkUnp(unp)).toBe("unpFormat");
    },
  );

  it("refuses a number whose remainder is 10, which no UNP has", () => {
    // 1,0,0,0,0,0,0,1 weighs 29 + 3 = 32, and 32 modulo 11 is 10: no check digit fits.
    for (let last = 0; last <= 9; last += 1) expect(checkUnp(`10000001${last}`)).toBe("unpCheckDigit");
  });
});

describe("normalizeRegistrationNumber", () => {
  it("takes out spaces and dashes, and writes Cyrillic look-alike letters in Latin", () => {
    expect(normalizeRegistrationNumber(" 7707 083-893 ")).toBe("7707083893");
    expect(normalizeRegistrationNumber("ма1953684")).toBe("MA1953684");
    expect(checkUnp(normalizeRegistrationNumber("МА 195 3684"))).toBeNull();
  });
});

describe("checkRegistrationNumber", () => {
  it("checks by the country's rules and takes any number elsewhere", () => {
    expect(checkRegistrationNumber("RU", "7707083893")).toBeNull();
    expect(checkRegistrationNumber("BY", "7707083893")).toBe("unpFormat");
    expect(checkRegistrationNumber("RU", "400051902")).toBe("innFormat");
    expect(checkRegistrationNumber("BY", "400051902")).toBeNull();
    expect(checkRegistrationNumber("KZ", "123")).toBeNull();
  });
});
