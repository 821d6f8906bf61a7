import { describe, expect, it } from "vitest";
import { parseDeployEnv, parseEnv } from "@/lib/env";
import { issuesToErrors } from "@/lib/actions/form-state";
import { localized, sortByName } from "@/lib/i18n/localize";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { LinkEntityFormSchema, UnlinkFormSchema } from "@/lib/meetings/schema";
import { loadMessages } from "@/lib/i18n/catalogue";

describe("LinkEntityFormSchema", () => {
  const errorsOf = (input: Record<string, unknown>) => {
    const result = LinkEntityFormSchema.safeParse(input);
    return result.success ? {} : issuesToErrors(result.error.issues);
  };

  it("accepts an organization with a note, trimming the note", () => {
    const parsed = LinkEntityFormSchema.parse({ organizationId: "12", note: "  Discussed the plant.  " });
    expect(parsed).toEqual({ entity: { type: "organization", id: 12 }, note: "Discussed the plant." });
  });

  it("accepts a region", () => {
    expect(LinkEntityFormSchema.parse({ regionId: "3", note: "x" }).entity).toEqual({ type: "region", id: 3 });
  });

  it.each([
    ["nothing chosen", { organizationId: "", regionId: "", note: "x" }, "organizationId", "chooseEntity"],
    ["both chosen", { organizationId: "1", regionId: "3", note: "x" }, "organizationId", "chooseOneEntity"],
    ["an id of zero", { regionId: "0", note: "x" }, "regionId", "invalid"],
    ["an id past int4", { regionId: "99999999999", note: "x" }, "regionId", "invalid"],
    ["an id in exponent form", { organizationId: "1e3", note: "x" }, "organizationId", "invalid"],
    ["an empty note", { regionId: "3", note: "" }, "note", "noteRequired"],
    ["a note of spaces", { regionId: "3", note: "   \n " }, "note", "noteRequired"],
    ["a note too long", { regionId: "3", note: "a".repeat(2001) }, "note", "noteTooLong"],
    ["a NUL in the note", { regionId: "3", note: "a\u0000b" }, "note", "containsNul"],
  ])("rejects %s with a message for the field", (_name, input, field, message) => {
    expect(errorsOf(input)[field]).toEqual([message]);
  });

  it("takes a note of exactly 2,000 characters", () => {
    expect(LinkEntityFormSchema.safeParse({ regionId: "3", note: "a".repeat(2000) }).success).toBe(true);
  });
});

describe("UnlinkFormSchema", () => {
  it("needs a positive link id and version", () => {
    expect(UnlinkFormSchema.safeParse({ linkId: "7", version: "1" }).success).toBe(true);
    expect(UnlinkFormSchema.safeParse({ linkId: "abc", version: "1" }).success).toBe(false);
    expect(UnlinkFormSchema.safeParse({ linkId: "7", version: "0" }).success).toBe(false);
  });
});

describe("parseEnv", () => {
  const good = { DATABASE_URL: "postgresql://u:p@db:5432/interregio", NEXTAUTH_SECRET: "x".repeat(32) };

  it("accepts a complete configuration and defaults the pool size", () => {
    expect(parseEnv(good)).toMatchObject({ ...good, DATABASE_POOL_SIZE: 10 });
  });

  it("names every bad variable in one message", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/x", NEXTAUTH_SECRET: "short", DATABASE_POOL_SIZE: "many" })).toThrow(
      /3 problem\(s\)[\s\S]*DATABASE_URL must look like[\s\S]*NEXTAUTH_SECRET is too short[\s\S]*DATABASE_POOL_SIZE must be a whole number/,
    );
  });

  it("says what is missing", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL is not set[\s\S]*NEXTAUTH_SECRET is not set/);
  });

  it("rejects a NEXTAUTH_URL that is not a URL", () => {
    expect(() => parseEnv({ ...good, NEXTAUTH_URL: "interregio" })).toThrow(/NEXTAUTH_URL must be the public address/);
  });

  it("takes a metrics token of 32 characters or more, and an empty one as none; logs at info unless told", () => {
    expect(parseEnv(good).LOG_LEVEL).toBe("info");
    expect(parseEnv(good).METRICS_TOKEN).toBeUndefined();
    expect(parseEnv({ ...good, METRICS_TOKEN: "" }).METRICS_TOKEN).toBeUndefined();
    expect(parseEnv({ ...good, METRICS_TOKEN: "t".repeat(32), LOG_LEVEL: "warn" })).toMatchObject({
      METRICS_TOKEN: "t".repeat(32),
      LOG_LEVEL: "warn",
    });
    expect(() => parseEnv({ ...good, METRICS_TOKEN: "guessable" })).toThrow(/METRICS_TOKEN is too short/);
    expect(() => parseEnv({ ...good, LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL must be one of/);
  });

  it("reads the replicas as a comma-separated list of PostgreSQL URLs, none when unset or empty", () => {
    expect(parseEnv(good).DATABASE_REPLICA_URLS).toEqual([]);
    expect(parseEnv({ ...good, DATABASE_REPLICA_URLS: " , " }).DATABASE_REPLICA_URLS).toEqual([]);
    expect(
      parseEnv({
        ...good,
        DATABASE_REPLICA_URLS: "postgresql://r:p@replica-1:5432/interregio, postgres://r@replica-2/interregio?sslmode=require",
      }).DATABASE_REPLICA_URLS,
    ).toEqual(["postgresql://r:p@replica-1:5432/interregio", "postgres://r@replica-2/interregio?sslmode=require"]);
  });

  it("names a bad replica URL by its place in the list, without repeating it, and bounds the count", () => {
    const secret = "s3cret-password";
    const bad = () => parseEnv({ ...good, DATABASE_REPLICA_URLS: `postgresql://r@replica-1/db,mysql://r:${secret}@replica-2/db` });
    expect(bad).toThrow(/DATABASE_REPLICA_URLS: URL 2 must look like postgresql:\/\//);
    expect(bad).not.toThrow(new RegExp(secret));
    const nine = Array.from({ length: 9 }, (_, i) => `postgresql://r@replica-${i}/db`).join(",");
    expect(() => parseEnv({ ...good, DATABASE_REPLICA_URLS: nine })).toThrow(/too many replicas: at most 8/);
  });
});

describe("parseDeployEnv", () => {
  const key = (bytes: number) => Buffer.alloc(bytes, 7).toString("base64");
  const good = {
    DATABASE_URL: "postgresql://u:p@db:5432/interregio",
    NEXTAUTH_SECRET: "x".repeat(32),
    NEXTAUTH_URL: "https://registry.example.gov",
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key(32),
  };

  it("accepts a deployment's configuration, with the reference data off unless asked", () => {
    expect(parseDeployEnv(good)).toMatchObject({ ...good, SEED_REFERENCE_DATA: "off" });
    expect(parseDeployEnv({ ...good, SEED_REFERENCE_DATA: "on", TRUSTED_PROXY: "1", WEB_CONCURRENCY: "4" })).toMatchObject({
      SEED_REFERENCE_DATA: "on",
      TRUSTED_PROXY: "1",
      WEB_CONCURRENCY: "4",
    });
  });

  it("takes an AES key of 16, 24 or 32 bytes only", () => {
    for (const bytes of [16, 24, 32]) expect(parseDeployEnv({ ...good, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key(bytes) })).toBeTruthy();
    for (const value of [key(20), key(64), "not base64 at all!", ""]) {
      expect(() => parseDeployEnv({ ...good, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: value })).toThrow(
        /NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be base64 of 16, 24 or 32 bytes/,
      );
    }
  });

  it("needs what the server alone may go without, and names each missing one", () => {
    expect(() => parseDeployEnv({ DATABASE_URL: good.DATABASE_URL, NEXTAUTH_SECRET: good.NEXTAUTH_SECRET })).toThrow(
      /2 problem\(s\)[\s\S]*NEXTAUTH_URL is not set[\s\S]*NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set/,
    );
  });

  it("refuses a proxy count or process count that would otherwise be read as unset", () => {
    expect(() => parseDeployEnv({ ...good, TRUSTED_PROXY: "one" })).toThrow(/TRUSTED_PROXY must be the number of reverse proxies/);
    expect(() => parseDeployEnv({ ...good, TRUSTED_PROXY: "11" })).toThrow(/TRUSTED_PROXY must be/);
    expect(() => parseDeployEnv({ ...good, WEB_CONCURRENCY: "0" })).toThrow(/WEB_CONCURRENCY must be the number of server processes/);
    expect(() => parseDeployEnv({ ...good, SEED_REFERENCE_DATA: "yes" })).toThrow(/SEED_REFERENCE_DATA must be on or off/);
  });
});

describe("localized", () => {
  it("picks the reader's language and falls back to the other", () => {
    expect(localized("ru", "Kursk Oblast", "Курская область")).toBe("Курская область");
    expect(localized("en", "Kursk Oblast", "Курская область")).toBe("Kursk Oblast");
    expect(localized("en", null, "ООО «Курскагромаш»")).toBe("ООО «Курскагромаш»");
    expect(localized("ru", "Only English", "")).toBe("Only English");
  });
});

describe("sortByName", () => {
  it("orders by the name shown, in the reader's alphabet", () => {
    const orgs = [
      { en: "Zeta", ru: "Альфа" },
      { en: "Alpha", ru: "Ёлка" },
      { en: "Mid", ru: "Бета" },
    ];
    expect(sortByName(orgs, "en", (o) => o.en).map((o) => o.en)).toEqual(["Alpha", "Mid", "Zeta"]);
    expect(sortByName(orgs, "ru", (o) => o.ru).map((o) => o.ru)).toEqual(["Альфа", "Бета", "Ёлка"]);
  });
});

describe("passwords", () => {
  it("hash with argon2id and verify only the right password", async () => {
    const hash = await hashPassword("a long pass phrase");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, "a long pass phrase")).toBe(true);
    expect(await verifyPassword(hash, "a long pass phrasE")).toBe(false);
  });

  it("answer false without a hash, even for the dummy's own password", async () => {
    expect(await verifyPassword(undefined, "interregio-no-such-user")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });
});

describe("message catalogues", () => {
  const en = loadMessages("en");
  const ru = loadMessages("ru");
  const keys = (value: unknown, prefix = ""): string[] =>
    typeof value === "object" && value !== null
      ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
      : [prefix];

  it("have the same keys in English and Russian", () => {
    expect(keys(ru).sort()).toEqual(keys(en).sort());
  });

  it("have no empty text", () => {
    const empty = (catalogue: unknown) =>
      keys(catalogue).filter((key) => key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalogue) === "");
    expect(empty(en)).toEqual([]);
    expect(empty(ru)).toEqual([]);
  });

  it("have a translated message for every error key the schemas use", () => {
    for (const key of [
      "chooseEntity",
      "noteRequired",
      "noteTooLong",
      "checkFields",
      "alreadyLinked",
      "signedOut",
      "forbidden",
      "unavailable",
    ]) {
      expect(en.errors).toHaveProperty(key);
      expect(ru.errors).toHaveProperty(key);
    }
  });
});
