import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Who may call what, for every server action and staff route the app has: the list is built from the modules'
// exports, so a new action or route is in the matrix at once, and fails it until it is given an expectation.
// Sessions are real tokens read by the real getServerSession, as in accounts.test.ts.
vi.mock("next-auth", async (importOriginal) => {
  const real = await importOriginal<typeof import("next-auth")>();
  return { ...real, getServerSession: vi.fn() };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("next/headers", () => ({
  headers: vi.fn(async () => new Headers()),
  cookies: vi.fn(async () => ({ get: () => undefined, getAll: () => [], set: vi.fn(), delete: vi.fn() })),
}));

const nextAuth = await import("next-auth");
const { getServerSession: realGetServerSession } = await vi.importActual<typeof import("next-auth")>("next-auth");
const { encode } = await import("next-auth/jwt");
const { NextRequest } = await import("next/server");
const { authOptions, SESSION_IDLE_SECONDS } = await import("@/lib/auth/options");
const { createStaffUser, prisma, seedOnce } = await import("./setup");
const { createBatch } = await import("@/lib/import/batch");

type Staff = { id: number; email: string; name: string; role: "admin" | "editor" };
type Caller = "anonymous" | "editor" | "admin" | "disabled";
type Action = (...args: unknown[]) => Promise<unknown>;

let cookie: string | null = null;
vi.mocked(nextAuth.getServerSession).mockImplementation((async (options: unknown) => {
  const req = { headers: { host: "localhost:3000" }, cookies: cookie ? { "next-auth.session-token": cookie } : {} };
  const res = { getHeader: () => [], setHeader: () => undefined };
  return realGetServerSession(req as never, res as never, options as never);
}) as never);

async function tokenFor(user: Staff) {
  const token = await authOptions.callbacks!.jwt!({
    token: { sub: String(user.id), name: user.name, email: user.email },
    user: { id: String(user.id), name: user.name, email: user.email, role: user.role },
    account: { provider: "credentials", type: "credentials", providerAccountId: String(user.id) },
  } as never);
  return encode({ token, secret: process.env.NEXTAUTH_SECRET ?? "", maxAge: SESSION_IDLE_SECONDS });
}

// ---- What is called ----

const actionModules = {
  ...import.meta.glob<Record<string, unknown>>("../../lib/*/actions.ts"),
  "../../lib/i18n/actions.ts": () => import("@/lib/i18n/actions"),
};
const routeModules = import.meta.glob<Record<string, unknown>>("../../app/api/staff/**/route.ts");

/** Who may call each action: the record actions are for editors (admins pass every check), accounts for admins. */
type Allowed = "editor" | "admin" | "staff" | "everyone";
const run = `${Date.now()}`.slice(-7);
const expectations: Record<string, { allowed: Allowed; form?: () => Record<string, string> }> = {
  createRegion: {
    allowed: "editor",
    form: () => ({ nameEn: `Matrixshire ${run}`, nameRu: `Матричная ${run}`, level: "region", countryCode: "RU" }),
  },
  updateRegion: { allowed: "editor" },
  archiveRegion: { allowed: "editor" },
  restoreRegion: { allowed: "editor" },
  createOrganization: { allowed: "editor" },
  updateOrganization: { allowed: "editor" },
  archiveOrganization: { allowed: "editor" },
  restoreOrganization: { allowed: "editor" },
  createMeeting: { allowed: "editor" },
  updateMeeting: { allowed: "editor" },
  archiveMeeting: { allowed: "editor" },
  restoreMeeting: { allowed: "editor" },
  linkEntityToMeeting: { allowed: "editor" },
  linkMeetingToEntity: { allowed: "editor" },
  unlinkEntityFromMeeting: { allowed: "editor" },
  createCommitment: { allowed: "editor" },
  updateCommitment: { allowed: "editor" },
  archiveCommitment: { allowed: "editor" },
  restoreCommitment: { allowed: "editor" },
  changeCommitmentStatus: { allowed: "editor", form: () => ({ newStatus: "agreed", statusNote: "Matrix note", version: "1" }) },
  recordCommitmentFollowUp: { allowed: "editor", form: () => ({ followUpMeetingId: "1", followUpNote: "", version: "1" }) },
  createTradeFigure: { allowed: "editor" },
  updateTradeFigure: { allowed: "editor" },
  archiveTradeFigure: { allowed: "editor" },
  restoreTradeFigure: { allowed: "editor" },
  createUser: {
    allowed: "admin",
    form: () => ({ name: "Matrix User", email: `matrix.${run}.${Math.random()}@interregio.example`, role: "admin" }),
  },
  changeUserRole: { allowed: "admin", form: () => ({ role: "admin", version: "1" }) },
  disableUser: { allowed: "admin" },
  enableUser: { allowed: "admin" },
  resetUserPassword: { allowed: "admin" },
  changeOwnPassword: { allowed: "staff", form: () => ({ currentPassword: "wrong", newPassword: "short", confirmPassword: "x" }) },
  // Public: the one-time token is the authority; a made-up one is refused as an invalid link, not for a role.
  resetPasswordWithToken: {
    allowed: "everyone",
    form: () => ({ token: "A".repeat(43), newPassword: "a long new password", confirmPassword: "a long new password" }),
  },
  setLocale: { allowed: "everyone", form: () => ({ locale: "ru" }) },
  // The import's steps, on a batch that does not exist: staff get "recordMissing", the others their refusal.
  mapImportColumns: { allowed: "editor", form: () => ({ type: "organizations", "columns.0": "name" }) },
  decideImportRows: { allowed: "editor", form: () => ({ "decisions.0.row": "2", "decisions.0.choice": "skip" }) },
  commitImport: { allowed: "editor" },
  cancelImport: { allowed: "editor" },
  undoImport: { allowed: "editor" },
};

const mayCall = (allowed: Allowed, caller: Caller) =>
  allowed === "everyone" || (caller !== "anonymous" && caller !== "disabled" && (allowed !== "admin" || caller === "admin"));

async function loadActions() {
  const found: { name: string; file: string; action: Action }[] = [];
  for (const [file, load] of Object.entries(actionModules)) {
    for (const [name, value] of Object.entries(await load())) {
      if (typeof value === "function") found.push({ name, file, action: value as Action });
    }
  }
  return found;
}

/** Everything an action could write, counted: a refusal must leave it as it was. */
async function footprint() {
  const [row] = await prisma.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM audit_events) AS audit, (SELECT count(*) FROM users) AS users,
           (SELECT coalesce(sum(version + session_version), 0) FROM users) AS user_versions,
           (SELECT count(*) FROM password_reset_tokens) AS reset_tokens,
           (SELECT count(*) FROM regions) AS regions, (SELECT coalesce(sum(version), 0) FROM regions) AS region_versions,
           (SELECT count(*) FROM organizations) AS organizations, (SELECT count(*) FROM meetings) AS meetings,
           (SELECT count(*) FROM commitments) AS commitments, (SELECT count(*) FROM trade_figures) AS trade,
           (SELECT count(*) FROM discussion_links) AS links, (SELECT count(*) FROM import_batches) AS imports,
           (SELECT string_agg(status, ',' ORDER BY id) FROM import_batches) AS import_statuses`;
  return JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}

function formOf(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

/** Calls an action as a form would: a bound action (three parameters) gets an id that exists nowhere. */
async function call(action: Action, values: Record<string, string>) {
  const data = formOf(values);
  try {
    if (action.length >= 3) return await action(2_000_000_000, {}, data);
    if (action.length === 2) return await action({}, data);
    return await action(data);
  } catch (error) {
    // A success that redirects: allowed.
    if (String((error as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) return { redirected: true };
    throw error;
  }
}

const callers: Caller[] = ["anonymous", "editor", "admin", "disabled"];
const tokens = {} as Record<Caller, string | null>;
const actions = await loadActions();
let batchId = 0;

beforeAll(async () => {
  await seedOnce();
  const [editor, admin, disabled] = [await createStaffUser("editor"), await createStaffUser("admin"), await createStaffUser("editor")];
  tokens.anonymous = null;
  tokens.editor = await tokenFor(editor);
  tokens.admin = await tokenFor(admin);
  // Disabled after its token was minted, straight in the database: only the disabled_at check stands in its way.
  tokens.disabled = await tokenFor(disabled);
  await prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
  // An import for the routes that answer about one (its progress, its error report).
  batchId = await createBatch(prisma, {
    recordType: "organizations",
    fileName: "matrix.csv",
    bytes: new TextEncoder().encode(`Name\nMatrix ${run}\n`),
    sheetName: "matrix",
    authorId: editor.id,
    mapping: { mapping: { 0: "name" } },
    rows: [],
    status: "uploaded",
    sheet: { name: "matrix", headerRow: 1, headers: ["Name"], rows: [{ row: 2, cells: [`Matrix ${run}`] }] },
  });
});

afterAll(() => prisma.$disconnect());

describe("the role matrix", () => {
  it("finds every action module and gives every exported action an expectation", () => {
    const files = new Set(actions.map((entry) => entry.file.replace(/^.*\/lib\//, "lib/")));
    for (const file of ["regions", "organizations", "meetings", "commitments", "trade", "users"])
      expect(files).toContain(`lib/${file}/actions.ts`);
    expect(files).toContain("lib/i18n/actions.ts");
    const missing = actions.filter((entry) => !(entry.name in expectations)).map((entry) => `${entry.file}: ${entry.name}`);
    expect(missing, "actions without an expectation in the role matrix").toEqual([]);
    expect(actions.length).toBeGreaterThanOrEqual(30);
  });

  for (const caller of callers) {
    it(`every action as ${caller}`, async () => {
      const outcomes: string[] = [];
      const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
      for (const { name, action } of actions) {
        const expectation = expectations[name];
        if (!expectation) continue;
        const allowed = mayCall(expectation.allowed, caller);
        cookie = tokens[caller];
        const before = await footprint();
        const result = (await call(action, expectation.form?.() ?? { version: "1" })) as { message?: string } | undefined;
        const refused = result?.message === "signedOut" || result?.message === "forbidden";
        if (allowed) {
          outcomes.push(`${name}: ${refused ? `refused (${result?.message})` : "allowed"}`);
        } else {
          const expected = caller === "editor" ? "forbidden" : "signedOut";
          outcomes.push(`${name}: ${result?.message === expected ? "refused" : `not refused (${JSON.stringify(result)})`}`);
          expect(await footprint(), `${name} as ${caller} wrote something`).toBe(before);
        }
      }
      error.mockRestore();
      const expected = actions
        .filter(({ name }) => name in expectations)
        .map(({ name }) => `${name}: ${mayCall(expectations[name]!.allowed, caller) ? "allowed" : "refused"}`);
      expect(outcomes).toEqual(expected);
    });
  }

  /** A query each staff route answers with 200 for staff (the lookup's by default). */
  const staffRouteQueries: Record<string, string> = {
    "../../app/api/staff/import-template/route.ts": "type=organizations&lang=ru",
    "../../app/api/staff/imports/[id]/report/route.ts": "lang=en",
  };
  /**
   * The upload is a plain HTML form's target: it answers with where to go next. Staff without a file go back
   * to the upload page with the reason; the others to sign in, having uploaded nothing.
   */
  const formRoutes: Record<string, (staff: boolean) => [number, string]> = {
    "../../app/api/staff/imports/route.ts": (staff) => [303, staff ? "/workspace/import?error=fileMissing" : "/signin?"],
  };

  it("the staff routes answer staff only: 401 for the public and a disabled account", async () => {
    const routes = Object.entries(routeModules);
    expect(routes.map(([file]) => file)).toContain("../../app/api/staff/lookup/route.ts");
    for (const [file, load] of routes) {
      const handlers = Object.entries(await load()).filter(([method]) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(method));
      expect(handlers.length, file).toBeGreaterThan(0);
      for (const [method, handler] of handlers) {
        for (const caller of callers) {
          cookie = tokens[caller];
          const before = await footprint();
          const url = `http://localhost:3000/api/staff/route?${staffRouteQueries[file] ?? "type=region&q=Kursk"}`;
          const response = (await (handler as (request: InstanceType<typeof NextRequest>, context: unknown) => Promise<Response>)(
            new NextRequest(url, { method, ...(method === "POST" ? { body: new FormData() } : {}) }),
            { params: Promise.resolve({ id: String(batchId) }) },
          )) as Response;
          const staff = caller === "editor" || caller === "admin";
          const form = formRoutes[file];
          if (form) {
            const [status, location] = form(staff);
            expect(response.status, `${method} ${file} as ${caller}`).toBe(status);
            expect(response.headers.get("location"), `${method} ${file} as ${caller}`).toContain(location);
          } else {
            expect(response.status, `${method} ${file} as ${caller}`).toBe(staff ? 200 : 401);
          }
          if (!staff) expect(await footprint(), `${method} ${file} as ${caller} wrote something`).toBe(before);
        }
      }
    }
  });
});
