import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import pg from "pg";

/**
 * Read replicas (DATABASE_REPLICA_URLS): the public's reads go to the replicas, writes and staff reads to the
 * primary. The "replicas" are this test database reached as a role that can only read (SELECT, and every
 * transaction read-only, as on a hot standby), twice, told apart by their application_name. Whether a read needs
 * the replica is shown by taking the role's login away: what still works then never touched a replica. The test
 * database's user makes and drops that role, so it needs CREATEROLE (the test server's superuser has it).
 */

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { createStaffUser, databaseUrl, form, prisma, seedOnce, signInAs } = await import("./setup");
const primaryUrl = new URL(databaseUrl);
const database = decodeURIComponent(primaryUrl.pathname.slice(1));
const reader = `replicas_reader_${process.pid}`;
const readerPassword = `read-only-${process.pid}`;
function replicaUrl(name: string) {
  const url = new URL(primaryUrl);
  url.username = reader;
  url.password = readerPassword;
  url.searchParams.set("application_name", name);
  return url.toString();
}
// Before the first env(): the configuration is read once, on first use.
process.env.DATABASE_REPLICA_URLS = `${replicaUrl("replica_a")}, ${replicaUrl("replica_b")}`;
// Every public read asks the database, rather than the read cache.
process.env.INTERREGIO_CACHE = "off";

const { getServerSession } = await import("next-auth");
const { GET: staffLookup } = await import("@/app/api/staff/lookup/route");
const { authorizeSignIn } = await import("@/lib/auth/sign-in");
const { db, readDb } = await import("@/lib/db/client");
const { readSqlPool, sqlPool } = await import("@/lib/db/pg");
const { closePools, poolUse } = await import("@/lib/db/pools");
const { clientAddressHeader } = await import("@/lib/http/incoming");
const { jsonEncoder } = await import("@/lib/joint-ventures/export");
const { streamJointVentures } = await import("@/lib/joint-ventures/queries");
const { JointVentureFilterSchema } = await import("@/lib/joint-ventures/schema");
const { metricsText } = await import("@/lib/metrics");
const { getOrganizationDetail } = await import("@/lib/organizations/api");
const { createOrganization } = await import("@/lib/organizations/actions");
const { getOrganizationForEdit, getOrganizationPage } = await import("@/lib/organizations/queries");
const { findRegion } = await import("@/lib/regions/queries");
const { searchRegistry } = await import("@/lib/search/queries");
const { SearchParamsSchema } = await import("@/lib/search/schema");
const { listHistory } = await import("@/lib/workspace/queries");

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** The reader's sessions now: which replica each is (its application_name) and its last statement. */
const readerSessions = () =>
  prisma.$queryRaw<{ application_name: string; query: string }[]>`
    SELECT application_name, query FROM pg_stat_activity WHERE usename = ${reader} AND datname = ${database}`;

/** The replicas go down (the role may no longer log in, its sessions are ended) or come back. */
async function setReplicasUp(up: boolean) {
  await prisma.$executeRawUnsafe(`ALTER ROLE ${quoted(reader)} ${up ? "LOGIN" : "NOLOGIN"}`);
  if (!up) await prisma.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ${reader}`;
}

const search = (q: string) => searchRegistry(SearchParamsSchema.parse({ q, perPage: 50 }));
const kursk = "kursk-oblast";

let editor: Awaited<ReturnType<typeof createStaffUser>>;
let kurskId: number;

beforeAll(async () => {
  await seedOnce();
  await prisma.$executeRawUnsafe(`CREATE ROLE ${quoted(reader)} LOGIN PASSWORD '${readerPassword}'`);
  // What a hot standby does to every session: no transaction may write.
  await prisma.$executeRawUnsafe(`ALTER ROLE ${quoted(reader)} SET default_transaction_read_only = on`);
  await prisma.$executeRawUnsafe(`GRANT CONNECT ON DATABASE ${quoted(database)} TO ${quoted(reader)}`);
  await prisma.$executeRawUnsafe(`GRANT USAGE ON SCHEMA public TO ${quoted(reader)}`);
  await prisma.$executeRawUnsafe(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${quoted(reader)}`);
  editor = await createStaffUser("editor", "the editor's pass phrase");
  kurskId = (await prisma.region.findUniqueOrThrow({ where: { slug: kursk } })).id;
});

afterAll(async () => {
  await closePools();
  await prisma.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ${reader}`;
  // DROP OWNED takes back what was granted to the role (the database's CONNECT too), so that it can be dropped.
  await prisma.$executeRawUnsafe(`DROP OWNED BY ${quoted(reader)}`);
  await prisma.$executeRawUnsafe(`DROP ROLE ${quoted(reader)}`);
  await prisma.$disconnect();
});

describe("the replicas' role", () => {
  it("can read but not write", async () => {
    const client = new pg.Client({ connectionString: replicaUrl("replica_check") });
    await client.connect();
    try {
      expect((await client.query("SELECT count(*)::int AS n FROM regions WHERE slug = $1", [kursk])).rows).toEqual([{ n: 1 }]);
      await expect(client.query("UPDATE regions SET name_en = name_en WHERE slug = $1", [kursk])).rejects.toThrow(
        /read-only transaction|permission denied/,
      );
    } finally {
      await client.end();
    }
  });
});

describe("with DATABASE_REPLICA_URLS", () => {
  it("reads the public's pages, API, search and exports on the replicas, in turn, each with pools of its own", async () => {
    await setReplicasUp(true);

    // A Prisma read (a region page's), and its statement seen in a session of the reader.
    expect(await findRegion(kursk)).toMatchObject({ slug: kursk, nameEn: "Kursk Oblast" });
    expect((await readerSessions()).some((session) => session.query.includes('FROM "public"."regions"'))).toBe(true);
    // A hand-written read on the plain-pg pool (the search), seen the same way.
    const hits = await search("Kursk");
    expect(hits.items.map((hit) => hit.slug)).toContain(kursk);
    // (The search may end on its word-table lookup or on the ranked query: either is the search's own SQL.)
    expect((await readerSessions()).some((session) => /websearch_to_tsquery|search_words|search_document/.test(session.query))).toBe(true);

    // An export streams from a replica's read-only snapshot.
    const stream = await streamJointVentures(JointVentureFilterSchema.parse({}), jsonEncoder, { batchSize: 2 });
    const exported = JSON.parse(await new Response(stream).text()) as { slug: string }[];
    expect(exported.length).toBe(await prisma.organization.count({ where: { kind: "joint_venture", archivedAt: null } }));

    // The API's record and an organization's page: Prisma reads of several queries each.
    const [venture] = exported;
    expect(await getOrganizationDetail(venture!.slug)).toMatchObject({ slug: venture!.slug });
    expect(await getOrganizationPage(venture!.slug)).toMatchObject({ slug: venture!.slug });

    // Round-robin: both replicas served, and each has its Prisma pool and its plain-pg pool, apart from the primary's.
    expect(new Set((await readerSessions()).map((session) => session.application_name))).toEqual(new Set(["replica_a", "replica_b"]));
    const opened = poolUse()
      .filter((pool) => pool.total > 0)
      .map((pool) => pool.name);
    expect(opened).toEqual(expect.arrayContaining(["prisma-replica-1", "prisma-replica-2", "sql-replica-1", "sql-replica-2"]));
    expect(readDb()).not.toBe(db());
    expect(readSqlPool()).not.toBe(sqlPool());
    expect((await metricsText()).text).toMatch(/interregio_db_pool_connections\{pool="sql-replica-2",state="total"\} [1-9]/);
  });

  it("writes and reads for staff on the primary: all of it works while the replicas are down, the public's reads do not", async () => {
    await setReplicasUp(false);
    // The public's reads need a replica: they fail now, Prisma's and hand-written alike.
    await expect(findRegion(kursk)).rejects.toThrow();
    await expect(search("Kursk")).rejects.toThrow();

    // Sign-in reads and writes the primary (the account, the throttle's records).
    const request = { headers: { [clientAddressHeader]: `10.77.${process.pid % 250}.1` } };
    expect(await authorizeSignIn({ email: editor.email, password: "the editor's pass phrase" }, request)).toMatchObject({
      email: editor.email,
    });

    // A staff action: it re-reads the user, writes the record and its audit event, in one transaction.
    signInAs(getServerSession, editor);
    const name = `Replica Check ${process.pid} ${Date.now().toString(36)}`;
    await expect(
      createOrganization({}, form({ kind: "enterprise", name, regionId: String(kurskId), status: "active", primarySector: "28" })),
    ).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    const created = await prisma.organization.findFirstOrThrow({ where: { name }, select: { id: true, slug: true } });

    // The staff's reads of it: its edit form, its history, the pickers' search (a staff route on the plain-pg pool).
    expect(await getOrganizationForEdit(created.id)).toMatchObject({ id: created.id, slug: created.slug });
    expect((await listHistory("organization", created.id, { page: 1, perPage: 10 })).items.map((event) => event.action)).toEqual([
      "organization.create",
    ]);
    const lookup = await staffLookup(
      new NextRequest(`http://localhost/api/staff/lookup?type=organization&q=${encodeURIComponent(`Replica Check ${process.pid}`)}`),
    );
    expect(lookup.status).toBe(200);
    expect(((await lookup.json()) as { items: { id: number }[] }).items.map((item) => item.id)).toContain(created.id);
    expect(await readerSessions()).toEqual([]);

    // Back up, the public reads the new organization from a replica.
    await setReplicasUp(true);
    expect(await getOrganizationPage(created.slug)).toMatchObject({ slug: created.slug, name });
  });
});
