import { describe, expect, it } from "vitest";
import { buildProviders, isWithinMaxAge, OIDC_PROVIDER_ID, oidcProvider, SESSION_MAX_AGE_MS } from "@/lib/auth/options";

const oidcEnv = {
  OIDC_ISSUER: "https://sso.example.gov/realms/ministry/",
  OIDC_CLIENT_ID: "interregio",
  OIDC_CLIENT_SECRET: "s3cret",
};

describe("sign-in providers", () => {
  it("without the OIDC variables offers the password form only", () => {
    expect(buildProviders({}).map((provider) => provider.id)).toEqual(["credentials"]);
    expect(oidcProvider({ DATABASE_URL: "postgresql://x/y", OIDC_ISSUER: "" })).toBeNull();
  });

  it("with them adds single sign-on, discovered from the issuer's well-known document", () => {
    const providers = buildProviders({ ...oidcEnv, OIDC_NAME: "Ministry sign-on" });
    expect(providers.map((provider) => provider.id)).toEqual(["credentials", OIDC_PROVIDER_ID]);
    expect(providers[1]).toMatchObject({
      name: "Ministry sign-on",
      type: "oauth",
      wellKnown: "https://sso.example.gov/realms/ministry/.well-known/openid-configuration",
      clientId: "interregio",
      clientSecret: "s3cret",
      idToken: true,
      checks: expect.arrayContaining(["pkce", "state"]),
    });
    expect(oidcProvider(oidcEnv)?.name).toBe("Single sign-on");
  });

  it("maps the provider's profile without a role: the role comes from the staff account", () => {
    const profile = oidcProvider(oidcEnv)!.profile!({ sub: "abc", email: "anna@example.gov", name: "Anna" } as never, {} as never);
    expect(profile).toEqual({ id: "abc", email: "anna@example.gov", name: "Anna" });
  });

  it("refuses a half-made configuration, naming what is missing", () => {
    expect(() => oidcProvider({ OIDC_ISSUER: oidcEnv.OIDC_ISSUER, OIDC_CLIENT_ID: "x" })).toThrow(/OIDC_CLIENT_SECRET/);
    expect(() => oidcProvider({ OIDC_CLIENT_ID: "x", OIDC_CLIENT_SECRET: "y" })).toThrow(/OIDC_ISSUER/);
    expect(() => oidcProvider({ ...oidcEnv, OIDC_ISSUER: "not a url" })).toThrow(/OIDC_ISSUER/);
  });
});

describe("the absolute session limit", () => {
  it("holds for 7 days from sign-in, not a moment more, and never for a time in the future or none", () => {
    const now = Date.parse("2026-11-30T09:00:00Z");
    expect(isWithinMaxAge(now - SESSION_MAX_AGE_MS + 1000, now)).toBe(true);
    expect(isWithinMaxAge(now - SESSION_MAX_AGE_MS, now)).toBe(false);
    expect(isWithinMaxAge(now + 60_000, now)).toBe(false);
    expect(isWithinMaxAge(undefined, now)).toBe(false);
    expect(isWithinMaxAge("1", now)).toBe(false);
  });
});
