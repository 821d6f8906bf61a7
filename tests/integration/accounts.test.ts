import { createHash } from "node:crypto";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

// Sessions here are real: a token minted by next-auth's own jwt callback and encoder, read back by the real
// getServerSession (its request form, given the cookie), so that expiry and revocation are what production does.
vi.mock("next-auth", async (importOriginal) => {
  const real = await importOriginal<typeof import("next-auth")>();
  return { ...real, getServerSession: vi.fn() };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: vi.fn(async () => new Headers()), cookies: vi.fn() }));
vi.mock("@/lib/audit", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/audit")>();
  return { ...real, recordAuditEvent: vi.fn(real.recordAuditEvent) };
});

const nextAuth = await import("next-auth");
const { getServerSession: realGetServerSession } = await vi.importActual<typeof import("next-auth")>("next-auth");
const { encode } = await import("next-auth/jwt");
const { headers } = await import("next/headers");
const audit = await import("@/lib/audit");
const { authOptions, SESSION_IDLE_SECONDS } = await import("@/lib/auth/options");
const { getCurrentUser, passwordChangeRedirect, requireStaffPage } = await import("@/lib/auth/session");
const { verifyCredentials } = await import("@/lib/auth/sign-in");
const { changeOwnPassword, changeUserRole, createUser, disableUser, enableUser, resetPasswordWithToken, resetUserPassword } =
  await import("@/lib/users/actions");
const { createStaffUser, form, prisma } = await import("./setup");

type Staff = { id: number; email: string; name: string; role: "admin" | "editor" };

const redirected = { digest: expect.stringContaining("NEXT_REDIRECT") };
const secret = process.env.NEXTAUTH_SECRET ?? "";
const cookieName = "next-auth.session-token";
const run = `${Date.now()}`.slice(-7);
const password = "correct horse battery";

/** The session cookie the next request carries; the real getServerSession reads it, and a refresh replaces it. */
let cookie: string | null = null;

vi.mocked(nextAuth.getServerSession).mockImplementation((async (options: unknown) => {
  // Read now, before any await, so that calls started one after another each carry their own cookie.
  const sent = cookie;
  let setCookie: string[] = [];
  const res = { getHeader: () => setCookie, setHeader: (_name: string, value: string[]) => (setCookie = value) };
  const req = { headers: { host: "localhost:3000" }, cookies: sent ? { [cookieName]: sent } : {} };
  const answer = await realGetServerSession(req as never, res as never, options as never);
  // Like a browser: keep the re-issued cookie, drop a cleared one.
  for (const header of setCookie) {
    const [pair] = header.split(";");
    const [name, value] = pair!.split("=");
    if (name === cookieName && sent === cookie) cookie = value ? value : null;
  }
  return answer;
}) as never);

/** Signs in as next-auth does after a correct password: the jwt callback makes the token, the encoder seals it. */
async function signIn(user: Staff) {
  const token = await authOptions.callbacks!.jwt!({
    token: { sub: String(user.id), name: user.name, email: user.email },
    user: { id: String(user.id), name: user.name, email: user.email, role: user.role },
    account: { provider: "credentials", type: "credentials", providerAccountId: String(user.id) },
  } as never);
  return encode({ token, secret, maxAge: SESSION_IDLE_SECONDS });
}

async function actAs(user: Staff | null) {
  cookie = user ? await signIn(user) : null;
}

async function currentUserWith(token: string | null) {
  cookie = token;
  return getCurrentUser();
}

async function version(id: number) {
  return (await prisma.user.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

async function auditCount(action: string, id: number) {
  return prisma.auditEvent.count({ where: { action, entityId: String(id) } });
}

/** Leaves `admins` as the only active admins, disabling the others (other tests' admins), for last-admin cases. */
async function onlyAdmins(...admins: Staff[]) {
  await prisma.user.updateMany({
    where: { role: "admin", disabledAt: null, id: { notIn: admins.map((admin) => admin.id) } },
    data: { disabledAt: new Date() },
  });
}

afterEach(() => {
  vi.useRealTimers();
});

afterAll(() => prisma.$disconnect());

describe("sessions", () => {
  it("a fresh token yields its user, read from the database", async () => {
    const editor = await createStaffUser("editor");
    expect(await currentUserWith(await signIn(editor))).toMatchObject({ id: editor.id, role: "editor", mustChangePassword: false });
    expect(await currentUserWith(null)).toBeNull();
    expect(await currentUserWith("not-a-token")).toBeNull();
  });

  it("signing out ends the session: a copy of the token made before no longer yields a user, and it is logged", async () => {
    const editor = await createStaffUser("editor");
    const token = await signIn(editor);
    const copy = token;
    const decoded = (await (await import("next-auth/jwt")).decode({ token, secret }))!;
    await authOptions.events!.signOut!({ token: decoded } as never);
    expect(await currentUserWith(copy)).toBeNull();
    expect(await auditCount("user.sign_out", editor.id)).toBe(1);
    // Signing in again works, with the new version.
    expect(await currentUserWith(await signIn(editor))).toMatchObject({ id: editor.id });
  });

  it("disabling an account ends its open sessions at once; enabling it does not bring them back", async () => {
    const [admin, editor] = [await createStaffUser("admin"), await createStaffUser("editor")];
    const editorToken = await signIn(editor);
    expect(await currentUserWith(editorToken)).not.toBeNull();
    await actAs(admin);
    await expect(disableUser(editor.id, {}, form({ version: String(await version(editor.id)) }))).rejects.toMatchObject(redirected);
    expect(await currentUserWith(editorToken)).toBeNull();
    await actAs(admin);
    await expect(enableUser(editor.id, {}, form({ version: String(await version(editor.id)) }))).rejects.toMatchObject(redirected);
    expect(await currentUserWith(editorToken)).toBeNull();
    expect(await currentUserWith(await signIn(editor))).toMatchObject({ id: editor.id });
  });

  it("a role change ends the account's sessions; the next sign-in carries the new role", async () => {
    const [admin, editor] = [await createStaffUser("admin"), await createStaffUser("editor")];
    const editorToken = await signIn(editor);
    await actAs(admin);
    await expect(changeUserRole(editor.id, {}, form({ role: "admin", version: String(await version(editor.id)) }))).rejects.toMatchObject(
      redirected,
    );
    expect(await currentUserWith(editorToken)).toBeNull();
    expect(await currentUserWith(await signIn(editor))).toMatchObject({ role: "admin" });
  });

  it("a password change ends every session of the account, the one that made it too", async () => {
    const editor = await createStaffUser("editor", password);
    const otherDevice = await signIn(editor);
    const token = await signIn(editor);
    cookie = token;
    const changed = changeOwnPassword(
      {},
      form({ currentPassword: password, newPassword: "a brand new pass phrase", confirmPassword: "a brand new pass phrase" }),
    );
    await expect(changed).rejects.toMatchObject(redirected);
    expect(await currentUserWith(token)).toBeNull();
    expect(await currentUserWith(otherDevice)).toBeNull();
  });

  it("ends after 8 hours without a request, and a request within them keeps it alive", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const editor = await createStaffUser("editor");
    const start = Date.now();
    const token = await signIn(editor);
    vi.setSystemTime(start + SESSION_IDLE_SECONDS * 1000 + 60_000);
    expect(await currentUserWith(token)).toBeNull();

    vi.setSystemTime(start);
    cookie = await signIn(editor);
    vi.setSystemTime(start + 7 * 60 * 60 * 1000);
    expect(await getCurrentUser()).not.toBeNull(); // refreshed: the cookie now lasts 8 hours from here
    vi.setSystemTime(start + 14 * 60 * 60 * 1000);
    expect(await getCurrentUser()).not.toBeNull();
  });

  it("ends 7 days after sign-in however often it is refreshed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const editor = await createStaffUser("editor");
    const start = Date.now();
    cookie = await signIn(editor);
    const hour = 60 * 60 * 1000;
    for (let at = 6 * hour; at < 7 * 24 * hour; at += 6 * hour) {
      vi.setSystemTime(start + at);
      expect(await getCurrentUser(), `after ${at / hour} hours`).not.toBeNull();
    }
    vi.setSystemTime(start + 7 * 24 * hour + 60_000);
    expect(await getCurrentUser()).toBeNull();
    expect(cookie).toBeNull(); // next-auth cleared it
  });

  it("refuses a token from before sign-in times were kept, and one whose version was never the account's", async () => {
    const editor = await createStaffUser("editor");
    const old = await encode({ token: { uid: editor.id, role: "editor", sv: 1 } as never, secret, maxAge: SESSION_IDLE_SECONDS });
    expect(await currentUserWith(old)).toBeNull();
    const forged = await encode({
      token: { uid: editor.id, role: "admin", sv: 99, signedInAt: Date.now() },
      secret,
      maxAge: SESSION_IDLE_SECONDS,
    });
    expect(await currentUserWith(forged)).toBeNull();
  });
});

describe("a one-time password must be replaced", () => {
  it("sends staff with one to the account page from every other staff page, and not from the account page", async () => {
    expect(passwordChangeRedirect({ mustChangePassword: true }, "/workspace/regions/new")).toBe("/workspace/account");
    expect(passwordChangeRedirect({ mustChangePassword: true }, "/workspace")).toBe("/workspace/account");
    expect(passwordChangeRedirect({ mustChangePassword: true }, "/workspace/account?saved=password")).toBeNull();
    expect(passwordChangeRedirect({ mustChangePassword: false }, "/workspace/regions/new")).toBeNull();
  });

  it("requireStaffPage redirects by the page's path", async () => {
    const editor = await createStaffUser("editor");
    await prisma.user.update({ where: { id: editor.id }, data: { mustChangePassword: true } });
    await actAs(editor);
    vi.mocked(headers).mockResolvedValue(new Headers({ "x-interregio-path": "/workspace/meetings/new" }) as never);
    await expect(requireStaffPage()).rejects.toMatchObject({ digest: expect.stringContaining("/workspace/account") });
    vi.mocked(headers).mockResolvedValue(new Headers({ "x-interregio-path": "/workspace/account" }) as never);
    await expect(requireStaffPage()).resolves.toMatchObject({ id: editor.id, mustChangePassword: true });
  });
});

describe("createUser", () => {
  it("creates an account with a one-time password shown once, which signs in and must be replaced", async () => {
    const admin = await createStaffUser("admin");
    await actAs(admin);
    const email = `New.Editor.${run}@Interregio.example`;
    const state = await createUser({}, form({ name: "  Olga Ivanova ", email, role: "editor" }));
    expect(state).toMatchObject({
      ok: true,
      message: "userCreated",
      extra: { secret: expect.stringMatching(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/) },
    });
    const oneTimePassword = state.extra!.secret;
    const created = await prisma.user.findUniqueOrThrow({ where: { email: email.toLowerCase() }, omit: { passwordHash: false } });
    expect(created).toMatchObject({
      id: state.extra!.userId,
      name: "Olga Ivanova",
      role: "editor",
      mustChangePassword: true,
      createdById: admin.id,
    });
    expect(created.passwordHash).not.toContain(oneTimePassword);
    expect(await verifyCredentials({ email, password: oneTimePassword })).toMatchObject({ id: String(created.id) });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "user.create", entityId: String(created.id) } });
    expect(event.actorId).toBe(admin.id);
    expect(event.after).toEqual({
      name: "Olga Ivanova",
      email: email.toLowerCase(),
      role: "editor",
      disabled: false,
      mustChangePassword: true,
      version: 1,
      archived: false,
    });
    expect(JSON.stringify([event.before, event.after])).not.toContain(oneTimePassword);
  });

  it("gives a field error for each bad field, and for an email already taken, and creates nothing", async () => {
    const admin = await createStaffUser("admin");
    await actAs(admin);
    const before = await prisma.user.count();
    expect(await createUser({}, form({ name: " ", email: "not an email", role: "superuser" }))).toMatchObject({
      ok: false,
      message: "checkFields",
      errors: { name: ["required"], email: ["invalidEmail"], role: ["chooseOne"] },
      values: { name: " ", email: "not an email", role: "superuser" },
    });
    expect(await createUser({}, form({ name: "Twin", email: admin.email.toUpperCase(), role: "editor" }))).toMatchObject({
      ok: false,
      errors: { email: ["emailTaken"] },
    });
    expect(await prisma.user.count()).toBe(before);
  });

  it("refuses an editor and the public, writing nothing", async () => {
    const editor = await createStaffUser("editor");
    const email = `refused.${run}@interregio.example`;
    await actAs(editor);
    expect(await createUser({}, form({ name: "X", email, role: "admin" }))).toMatchObject({ ok: false, message: "forbidden" });
    await actAs(null);
    expect(await createUser({}, form({ name: "X", email, role: "admin" }))).toMatchObject({ ok: false, message: "signedOut" });
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });
});

describe("changeUserRole, disableUser, enableUser", () => {
  it("logs a role change with the account before and after", async () => {
    const [admin, editor] = [await createStaffUser("admin"), await createStaffUser("editor")];
    await actAs(admin);
    await expect(changeUserRole(editor.id, {}, form({ role: "admin", version: "1" }))).rejects.toMatchObject(redirected);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "user.role_change", entityId: String(editor.id) } });
    expect(event).toMatchObject({ actorId: admin.id, before: { role: "editor", version: 1 }, after: { role: "admin", version: 2 } });
    expect(JSON.stringify([event.before, event.after])).not.toMatch(/argon2|sessionVersion/);
  });

  it("refuses an unchanged role, a stale version (listing what changed), a tampered id and an unknown account", async () => {
    const [admin, editor] = [await createStaffUser("admin"), await createStaffUser("editor")];
    await actAs(admin);
    expect(await changeUserRole(editor.id, {}, form({ role: "editor", version: "1" }))).toMatchObject({ message: "roleUnchanged" });
    await expect(disableUser(editor.id, {}, form({ version: "1" }))).rejects.toMatchObject(redirected);
    const stale = await changeUserRole(editor.id, {}, form({ role: "admin", version: "1" }));
    expect(stale).toMatchObject({
      ok: false,
      message: "conflict",
      conflict: { version: 2, changes: [{ field: "disabled", before: "false", after: "true" }] },
    });
    expect(await changeUserRole("1 OR 1=1" as never, {}, form({ role: "admin", version: "1" }))).toMatchObject({ message: "invalid" });
    expect(await changeUserRole(2_000_000_000, {}, form({ role: "admin", version: "1" }))).toMatchObject({ message: "recordMissing" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe("editor");
  });

  it("disables and enables with audit events; not one's own account, nor twice", async () => {
    const [admin, editor] = [await createStaffUser("admin"), await createStaffUser("editor")];
    await actAs(admin);
    expect(await disableUser(admin.id, {}, form({ version: "1" }))).toMatchObject({ message: "cannotDisableSelf" });
    await expect(disableUser(editor.id, {}, form({ version: "1" }))).rejects.toMatchObject(redirected);
    expect(await disableUser(editor.id, {}, form({ version: "2" }))).toMatchObject({ message: "alreadyDisabled" });
    expect(await verifyCredentials({ email: editor.email, password })).toBeNull();
    await expect(enableUser(editor.id, {}, form({ version: "2" }))).rejects.toMatchObject(redirected);
    expect(await enableUser(editor.id, {}, form({ version: "3" }))).toMatchObject({ message: "alreadyEnabled" });
    expect(await verifyCredentials({ email: editor.email, password })).not.toBeNull();
    const events = await prisma.auditEvent.findMany({ where: { entityId: String(editor.id), entityType: "user" }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, (event.after as { disabled: boolean }).disabled])).toEqual([
      ["user.disable", true],
      ["user.enable", false],
    ]);
  });

  it("writes nothing when the audit event fails: the change and its record land together", async () => {
    const [admin, editor] = [await createStaffUser("admin"), await createStaffUser("editor")];
    await actAs(admin);
    vi.mocked(audit.recordAuditEvent).mockRejectedValueOnce(new Error("audit down"));
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await changeUserRole(editor.id, {}, form({ role: "admin", version: "1" }))).toMatchObject({ message: "unavailable" });
    error.mockRestore();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: editor.id } })).toMatchObject({
      role: "editor",
      version: 1,
      sessionVersion: 1,
    });
  });

  it("keeps the last active admin: it cannot be demoted or disabled", async () => {
    const [first, second] = [await createStaffUser("admin"), await createStaffUser("admin")];
    await onlyAdmins(first, second);
    await actAs(first);
    await expect(changeUserRole(second.id, {}, form({ role: "editor", version: "1" }))).rejects.toMatchObject(redirected);
    await actAs(first);
    expect(await changeUserRole(first.id, {}, form({ role: "editor", version: "1" }))).toMatchObject({ message: "lastAdmin" });
    // Another admin, now disabled, does not count.
    const third = await createStaffUser("admin");
    await prisma.user.update({ where: { id: third.id }, data: { disabledAt: new Date() } });
    expect(await changeUserRole(first.id, {}, form({ role: "editor", version: "1" }))).toMatchObject({ message: "lastAdmin" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: first.id } })).role).toBe("admin");
  });

  it("two admins demoting each other at once: exactly one wins, and one admin is left", async () => {
    const [first, second] = [await createStaffUser("admin"), await createStaffUser("admin")];
    await onlyAdmins(first, second);
    cookie = await signIn(first);
    const demoteSecond = changeUserRole(second.id, {}, form({ role: "editor", version: "1" })).catch((error: unknown) => error);
    cookie = await signIn(second);
    const demoteFirst = changeUserRole(first.id, {}, form({ role: "editor", version: "1" })).catch((error: unknown) => error);
    const results = await Promise.all([demoteSecond, demoteFirst]);
    const won = results.filter((result) => (result as { digest?: string }).digest?.startsWith("NEXT_REDIRECT"));
    const lost = results.filter((result) => (result as { ok?: boolean }).ok === false) as { message: string }[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    // The loser is refused at whichever check it meets the winner's change: its own session ended (signedOut),
    // no longer an admin under the lock (forbidden), or the last admin left (lastAdmin).
    expect(["signedOut", "forbidden", "lastAdmin"]).toContain(lost[0]!.message);
    expect(await prisma.user.count({ where: { id: { in: [first.id, second.id] }, role: "admin", disabledAt: null } })).toBe(1);
  });

  it("an admin demoting the other and themselves at once: one lands, the other is refused, one admin is left", async () => {
    const [first, second] = [await createStaffUser("admin"), await createStaffUser("admin")];
    await onlyAdmins(first, second);
    await actAs(first);
    const results = await Promise.all([
      changeUserRole(second.id, {}, form({ role: "editor", version: "1" })).catch((error: unknown) => error),
      changeUserRole(first.id, {}, form({ role: "editor", version: "1" })).catch((error: unknown) => error),
    ]);
    expect(results.filter((result) => (result as { digest?: string }).digest?.startsWith("NEXT_REDIRECT"))).toHaveLength(1);
    expect(await prisma.user.count({ where: { id: { in: [first.id, second.id] }, role: "admin", disabledAt: null } })).toBe(1);
  });
});

describe("password resets", () => {
  async function resetLink(admin: Staff, user: Staff) {
    await actAs(admin);
    const state = await resetUserPassword(user.id, {}, form({ version: String(await version(user.id)) }));
    expect(state).toMatchObject({ ok: true, message: "resetLinkMade" });
    return new URL(state.extra!.secret, "http://localhost").searchParams.get("token")!;
  }

  const setPassword = (token: string, newPassword = "my own new passphrase", confirmPassword = newPassword) =>
    resetPasswordWithToken({}, form({ token, newPassword, confirmPassword }));

  it("resets: the old password and sessions end, a link is kept only as its SHA-256, and it is logged without secrets", async () => {
    const [admin, editor] = [await createStaffUser("admin"), await createStaffUser("editor", password)];
    const session = await signIn(editor);
    const token = await resetLink(admin, editor);
    expect(await verifyCredentials({ email: editor.email, password })).toBeNull();
    expect(await currentUserWith(session)).toBeNull();
    const stored = await prisma.passwordResetToken.findFirstOrThrow({ where: { userId: editor.id } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeCloseTo(24 * 60 * 60 * 1000, -4);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "user.password_reset", entityId: String(editor.id) } });
    expect(event).toMatchObject({ actorId: admin.id, after: { mustChangePassword: true } });
    const logged = JSON.stringify([event.before, event.after]);
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(stored.tokenHash);
    expect(logged).not.toContain("argon2");
  });

  it("a link sets the password once; the second use is refused", async () => {
    const [admin, editor] = [await createStaffUser("admin"), await createStaffUser("editor")];
    const token = await resetLink(admin, editor);
    expect(await setPassword(token)).toEqual({ ok: true, message: "passwordSet" });
    expect(await verifyCredentials({ email: editor.email, password: "my own new passphrase" })).not.toBeNull();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: editor.id } })).toMatchObject({ mustChangePassword: false });
    expect(await auditCount("user.password_change", editor.id)).toBe(1);
    expect(await setPassword(token, "yet another passphrase")).toEqual({ ok: false, message: "resetLinkInvalid" });
    expect(await verifyCredentials({ email: editor.email, password: "yet another passphrase" })).toBeNull();
  });

  it("two uses of one link at once: exactly one sets the password", async () => {
    const [admin, editor] = [await createStaffUser("admin"), await createStaffUser("editor")];
    const token = await resetLink(admin, editor);
    const results = await Promise.all([setPassword(token, "first racing passphrase"), setPassword(token, "second racing passphrase")]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await auditCount("user.password_change", editor.id)).toBe(1);
  });

  it("a link expires after 24 hours, and a newer link voids an older one", async () => {
    const [admin, editor] = [await createStaffUser("admin"), await createStaffUser("editor")];
    const older = await resetLink(admin, editor);
    const newer = await resetLink(admin, editor);
    expect(await setPassword(older)).toMatchObject({ ok: false, message: "resetLinkInvalid" });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 24 * 60 * 60 * 1000 + 60_000);
    expect(await setPassword(newer)).toMatchObject({ ok: false, message: "resetLinkInvalid" });
    vi.useRealTimers();
    expect(await setPassword(newer)).toEqual({ ok: true, message: "passwordSet" });
  });

  it("checks the new password, and never sends a password back", async () => {
    const [admin, editor] = [await createStaffUser("admin"), await createStaffUser("editor")];
    const token = await resetLink(admin, editor);
    const short = await setPassword(token, "short");
    expect(short).toMatchObject({ ok: false, message: "checkFields", errors: { newPassword: ["passwordTooShort|12"] } });
    const differ = await setPassword(token, "a long passphrase", "a long passphrasf");
    expect(differ).toMatchObject({ errors: { confirmPassword: ["passwordsDiffer"] } });
    expect(JSON.stringify([short, differ])).not.toContain("passphras");
    expect(await setPassword("x".repeat(43).replace(/x/g, "A"))).toMatchObject({ ok: false, message: "resetLinkInvalid" });
    expect(await setPassword("'; drop table users; --")).toMatchObject({ ok: false, message: "resetLinkInvalid" });
    // The link still works after those refusals.
    expect(await setPassword(token)).toMatchObject({ ok: true });
  });

  it("refuses a link for an account disabled since", async () => {
    const [admin, editor] = [await createStaffUser("admin"), await createStaffUser("editor")];
    const token = await resetLink(admin, editor);
    await prisma.user.update({ where: { id: editor.id }, data: { disabledAt: new Date() } });
    expect(await setPassword(token)).toMatchObject({ ok: false, message: "resetLinkInvalid" });
  });

  it("resetting is for admins only", async () => {
    const [editor, other] = [await createStaffUser("editor"), await createStaffUser("editor")];
    await actAs(editor);
    expect(await resetUserPassword(other.id, {}, form({ version: "1" }))).toMatchObject({ ok: false, message: "forbidden" });
    expect(await prisma.passwordResetToken.count({ where: { userId: other.id } })).toBe(0);
  });
});

describe("changeOwnPassword", () => {
  it("needs the right current password and the new one twice, at least 12 characters, different from the old", async () => {
    const editor = await createStaffUser("editor", password);
    await actAs(editor);
    expect(
      await changeOwnPassword(
        {},
        form({ currentPassword: "wrong", newPassword: "a fine new phrase", confirmPassword: "a fine new phrase" }),
      ),
    ).toMatchObject({
      errors: { currentPassword: ["passwordWrong"] },
    });
    expect(await changeOwnPassword({}, form({ currentPassword: password, newPassword: "short", confirmPassword: "short" }))).toMatchObject({
      errors: { newPassword: ["passwordTooShort|12"] },
    });
    expect(
      await changeOwnPassword({}, form({ currentPassword: password, newPassword: "a fine new phrase", confirmPassword: "another" })),
    ).toMatchObject({
      errors: { confirmPassword: ["passwordsDiffer"] },
    });
    expect(
      await changeOwnPassword({}, form({ currentPassword: password, newPassword: password, confirmPassword: password })),
    ).toMatchObject({
      errors: { newPassword: ["passwordSame"] },
    });
    expect(await verifyCredentials({ email: editor.email, password })).not.toBeNull();
    expect(await auditCount("user.password_change", editor.id)).toBe(0);
  });

  it("changes it, clears the one-time flag and logs it", async () => {
    const editor = await createStaffUser("editor", password);
    await prisma.user.update({ where: { id: editor.id }, data: { mustChangePassword: true } });
    await actAs(editor);
    await expect(
      changeOwnPassword({}, form({ currentPassword: password, newPassword: "a fine new phrase", confirmPassword: "a fine new phrase" })),
    ).rejects.toMatchObject({ digest: expect.stringContaining("/workspace/account?saved=password") });
    expect(await verifyCredentials({ email: editor.email, password: "a fine new phrase" })).not.toBeNull();
    expect(await verifyCredentials({ email: editor.email, password })).toBeNull();
    const account = await prisma.user.findUniqueOrThrow({ where: { id: editor.id } });
    expect(account).toMatchObject({ mustChangePassword: false, passwordChangedAt: expect.any(Date) });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "user.password_change", entityId: String(editor.id) } });
    expect(event).toMatchObject({ actorId: editor.id, before: { mustChangePassword: true }, after: { mustChangePassword: false } });
  });
});
