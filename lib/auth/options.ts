import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { sameSiteRedirect } from "@/lib/http/safe-redirect";
import { authorizeSignIn } from "@/lib/auth/sign-in";

/**
 * next-auth ships CommonJS with its provider as `exports.default`: Next's bundler unwraps it, Node's own loader
 * (the import command, under tsx) hands over the module object. Either way, the provider function.
 */
const CredentialsProvider = (Credentials as unknown as { default?: typeof Credentials }).default ?? Credentials;

/** A session ends after this long without a request (next-auth re-issues the cookie on each one). */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** A session ends this long after its sign-in, however often it was refreshed. */
export const SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** The provider id of the optional single sign-on. */
export const OIDC_PROVIDER_ID = "oidc";

const OidcEnvSchema = z.object({
  OIDC_ISSUER: z.url({ error: "OIDC_ISSUER must be the issuer's address, such as https://sso.example/realms/ministry" }),
  OIDC_CLIENT_ID: z.string({ error: "OIDC_CLIENT_ID is required when OIDC_ISSUER is set" }).min(1),
  OIDC_CLIENT_SECRET: z.string({ error: "OIDC_CLIENT_SECRET is required when OIDC_ISSUER is set" }).min(1),
  OIDC_NAME: z.string().min(1).max(60).optional(),
});

type OidcProfile = { sub: string; email?: string; email_verified?: boolean; name?: string; preferred_username?: string };

/**
 * The optional OpenID Connect provider (a ministry's single sign-on, such as Keycloak): off unless OIDC_ISSUER
 * is set; then the client id and secret must be set too, or this throws, so that a half-made configuration
 * is noticed at once rather than silently leaving single sign-on off.
 */
export function oidcProvider(source: Record<string, string | undefined> = process.env): OAuthConfig<OidcProfile> | null {
  const present = Object.fromEntries(Object.entries(source).filter(([key, value]) => key.startsWith("OIDC_") && value));
  if (!present.OIDC_ISSUER && !present.OIDC_CLIENT_ID && !present.OIDC_CLIENT_SECRET) return null;
  const parsed = OidcEnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new Error(`Single sign-on is misconfigured: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  }
  const config = parsed.data;
  return {
    id: OIDC_PROVIDER_ID,
    name: config.OIDC_NAME ?? "Single sign-on",
    type: "oauth",
    wellKnown: `${config.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    // The staff account is found by email in the signIn callback; the role never comes from the provider.
    profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.preferred_username ?? null }),
  };
}

/** Every sign-in method: the email and password form, and single sign-on when it is configured. */
export function buildProviders(source: Record<string, string | undefined> = process.env): NextAuthOptions["providers"] {
  const oidc = oidcProvider(source);
  return [
    CredentialsProvider({
      name: "Interregio",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      // Throttled and audited (lib/auth/sign-in.ts); the request gives the client address.
      authorize: (credentials, request) => authorizeSignIn(credentials, request),
    }),
    ...(oidc ? [oidc] : []),
  ];
}

/** The active staff account a sign-in maps to; single sign-on finds it by its email. */
async function findAccount(where: { id: number } | { email: string }) {
  return db().user.findFirst({
    where: { ...where, disabledAt: null, archivedAt: null },
    select: { id: true, role: true, sessionVersion: true },
  });
}

export const authOptions: NextAuthOptions = {
  // A JWT session: next-auth re-issues it with a fresh `maxAge` on every request, so `maxAge` is the idle limit.
  // (`updateAge` applies to database sessions only.) The absolute limit is `signedInAt`, checked in `jwt` below.
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: "/signin", signOut: "/signout", error: "/signin" },
  providers: buildProviders(),
  callbacks: {
    // The return address comes from the client: never another site, and never a 500 for one that is not a URL.
    redirect: ({ url, baseUrl }) => sameSiteRedirect(url, baseUrl),
    async signIn({ account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      // Only an email the provider vouches for maps to a staff account, and only to an active one.
      const oidc = profile as OidcProfile | undefined;
      if (!oidc?.email || oidc.email_verified !== true) return false;
      return (await findAccount({ email: oidc.email.trim().toLowerCase() })) !== null;
    },
    async jwt({ token, user, account }) {
      if (user) {
        // Signing in: the token carries the account's id, role and session version as they are now.
        const found =
          account?.provider === OIDC_PROVIDER_ID
            ? await findAccount({ email: (user.email ?? "").trim().toLowerCase() })
            : await findAccount({ id: Number(user.id) });
        if (!found) throw new Error("No active staff account for this sign-in");
        return { ...token, uid: found.id, role: found.role, sv: found.sessionVersion, signedInAt: Date.now() };
      }
      // Every later read of the session: past the absolute limit (or from before sign-in times were kept) it
      // ends here; next-auth then clears the cookie and answers with no session.
      if (!isWithinMaxAge(token.signedInAt)) throw new Error("Session past its absolute limit");
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.uid, role: token.role, sessionVersion: token.sv, signedInAt: token.signedInAt };
      return session;
    },
  },
  events: {
    // Signing out ends every session of the account, so that a copy of this cookie stops working too.
    async signOut({ token }) {
      if (!token || typeof token.uid !== "number") return;
      await endSessions(token.uid, token.sv);
    },
  },
};

/** Whether a session signed in at `signedInAt` (ms) is still within its absolute limit. */
export function isWithinMaxAge(signedInAt: unknown, now = Date.now()): boolean {
  return typeof signedInAt === "number" && signedInAt <= now && now - signedInAt < SESSION_MAX_AGE_MS;
}

/** Bumps the account's session version (if the token still holds the current one) and logs the sign-out. */
export async function endSessions(userId: number, sessionVersion: number) {
  await db().$transaction(async (tx) => {
    const bumped = await tx.user.updateMany({
      where: { id: userId, sessionVersion },
      data: { sessionVersion: { increment: 1 } },
    });
    if (bumped.count === 1) await recordAuditEvent(tx, { actorId: userId, action: "user.sign_out", entityId: userId });
  });
}

declare module "next-auth" {
  interface User {
    role?: Role;
  }
  interface Session {
    user?: { id: number; role: Role; sessionVersion: number; signedInAt: number; name?: string | null; email?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    role: Role;
    /** The account's session version at sign-in; the session ends once the account's moves on. */
    sv: number;
    /** When the user signed in (ms since the epoch), kept across refreshes for the absolute limit. */
    signedInAt: number;
  }
}
