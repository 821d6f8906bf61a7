import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKUP_FORMAT, BACKUP_VERSION, encodeFrame, encodeJsonFrame, TableTally } from "@/lib/backup/format";
import { createPrismaClient } from "@/lib/db/prisma-client";
import { seedDatabase } from "@/prisma/seed";
import { ensureDatabaseExists, migrate, migrationNames, withDatabaseName } from "@/scripts/database";
import { databaseUrl } from "./setup";

// The backup and restore commands, run as IT runs them, between databases of their own beside the test
// database: a seeded source, and fresh empty targets (not even migrated: the restore does that).

const run = promisify(execFile);
const databases: string[] = [];
let folder = "";
let sourceUrl = "";
let backupFile = "";

/** A new empty database beside the test database; dropped after the file. */
async function freshDatabase(purpose: string) {
  const url = withDatabaseName(databaseUrl, `${new URL(databaseUrl).pathname.slice(1)}_${purpose}`.slice(0, 63));
  await ensureDatabaseExists(url, { fresh: true });
  databases.push(url);
  return url;
}

async function command(script: "backup" | "restore", url: string, ...args: string[]) {
  const { stdout } = await run(join("node_modules", ".bin", "tsx"), [`scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: url },
    timeout: 120_000,
  });
  return stdout;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every table's row count and a hash of its rows in a stable order, and every sequence's value. */
function contents(url: string) {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT relname::text AS name FROM pg_class
       WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> '_prisma_migrations' ORDER BY 1`,
    );
    const result: Record<string, { rows: number; hash: string }> = {};
    for (const { name } of tables) {
      const table = client.escapeIdentifier(name);
      const { rows } = await client.query<{ rows: number; hash: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS hash FROM ${table} t`,
      );
      result[name] = rows[0]!;
    }
    const { rows: sequences } = await client.query<{ name: string; value: string | null }>(
      `SELECT sequencename::text AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
    );
    const { rows: migrations } = await client.query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations" ORDER BY 1`);
    return { tables: result, sequences, migrations: migrations.map((row) => row.name) };
  });
}

/** The names of the tables in `public`: none in a target that a refused restore left untouched. */
function tableNames(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT relname::text AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1`,
    );
    return rows.map((row) => row.name);
  });
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "interregio-backup-"));
  sourceUrl = await freshDatabase("bsrc");
  await migrate(sourceUrl);
  const source = createPrismaClient(sourceUrl, 2);
  try {
    await seedDatabase(source);
    // Text that COPY must escape, arrays, JSON, and an id given out and then deleted: the sequence must not
    // hand it out again after a restore.
    const user = await source.user.create({
      data: { email: "backup.editor@interregio.example", name: "Back\tup «Ω»", role: "editor", passwordHash: "$argon2id$x" },
    });
    const organization = await source.organization.findFirstOrThrow({ select: { id: true } });
    await source.organization.update({
      where: { id: organization.id },
      data: { descriptionEn: 'Line one\nline two\ttab \\ backslash "quoted", comma', otherNames: ['a "b", c', "d\\e", "NULL"] },
    });
    await source.auditEvent.create({
      data: {
        actorId: user.id,
        action: "organization.update",
        entityType: "organization",
        entityId: String(organization.id),
        after: { note: "new\nline", nested: { list: [1, "two", null] } },
      },
    });
    const dropped = await source.auditEvent.create({
      data: { actorId: user.id, action: "organization.update", entityType: "organization", entityId: "0" },
    });
    await source.auditEvent.delete({ where: { id: dropped.id } });
  } finally {
    await source.$disconnect();
  }
  backupFile = join(folder, "registry.backup");
  await command("backup", sourceUrl, backupFile);
}, 180_000);

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await withClient(withDatabaseName(databaseUrl, "postgres"), async (admin) => {
    for (const url of databases) {
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(new URL(url).pathname.slice(1))} WITH (FORCE)`);
    }
  });
});

describe("npm run backup and npm run restore", () => {
  it("restore a backup into an empty database with every table's rows and every sequence as they were", async () => {
    const source = await contents(sourceUrl);
    expect(Object.keys(source.tables).length).toBeGreaterThan(15);
    expect(source.tables.organizations!.rows).toBeGreaterThan(0);
    expect(source.tables.audit_events!.rows).toBe(1);

    const target = await freshDatabase("bdst");
    const output = await command("restore", target, backupFile);
    expect(output).toMatch(/Restored \d+ tables/);
    expect(await contents(target)).toEqual(source);

    // Ids go on after the backup's: the deleted audit event's id is not given out again.
    await withClient(target, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO audit_events (action, entity_type, entity_id) VALUES ('organization.update', 'organization', '0') RETURNING id::text`,
      );
      expect(Number(rows[0]!.id)).toBe(Number(source.sequences.find((s) => s.name === "audit_events_id_seq")!.value) + 1);
    });
  }, 180_000);

  it("never replace an existing file", async () => {
    const before = await readFile(backupFile);
    await expect(command("backup", sourceUrl, backupFile)).rejects.toMatchObject({ stderr: expect.stringContaining("exists already") });
    expect((await readFile(backupFile)).equals(before)).toBe(true);
  }, 60_000);

  it("refuse a database that has rows, unless --force, which replaces them", async () => {
    const source = await contents(sourceUrl);
    const target = await freshDatabase("bfull");
    await command("restore", target, backupFile);
    await withClient(target, (client) => client.query(`DELETE FROM organization_sectors`));
    const before = await contents(target);

    await expect(command("restore", target, backupFile)).rejects.toMatchObject({
      stderr: expect.stringMatching(/The database is not empty \(.*\).*add --force[\s\S]*Nothing was restored/),
    });
    expect(await contents(target)).toEqual(before);

    await command("restore", target, backupFile, "--force");
    expect(await contents(target)).toEqual(source);
  }, 180_000);

  it("refuse a file cut short, and touch nothing", async () => {
    const bytes = await readFile(backupFile);
    const cut = join(folder, "cut.backup");
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const target = await freshDatabase("bcut");
    await expect(command("restore", target, cut)).rejects.toMatchObject({
      stderr: expect.stringMatching(/cut short or damaged[\s\S]*Nothing was restored/),
    });
    expect(await tableNames(target)).toEqual([]);
  }, 60_000);

  it("refuse a file whose rows were changed, whether gzip or the table's hash finds it, and touch nothing", async () => {
    const target = await freshDatabase("btamper");

    // A changed byte of the compressed file: gzip's own check.
    const bytes = Buffer.from(await readFile(backupFile));
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    const flipped = join(folder, "flipped.backup");
    await writeFile(flipped, bytes);
    await expect(command("restore", target, flipped)).rejects.toMatchObject({
      stderr: expect.stringMatching(/damaged[\s\S]*Nothing was restored/),
    });

    // A row changed and the file compressed again, whole: the table's hash.
    const plain = gunzipSync(await readFile(backupFile));
    const at = plain.indexOf("Line one");
    expect(at).toBeGreaterThan(0);
    plain.write("Line 0ne", at, "utf8");
    const edited = join(folder, "edited.backup");
    await writeFile(edited, gzipSync(plain));
    await expect(command("restore", target, edited)).rejects.toMatchObject({
      stderr: expect.stringMatching(/rows of the table organizations differ from the count and hash recorded[\s\S]*Nothing was restored/),
    });
    expect(await tableNames(target)).toEqual([]);

    // The untouched file still checks whole.
    expect(await command("restore", target, backupFile, "--check")).toMatch(/is a whole backup: \d+ tables/);
  }, 120_000);

  it("never takes a table name from the file into SQL: a name the database lacks is refused", async () => {
    const target = await freshDatabase("bhostile");
    const name = 'regions"; DROP TABLE "countries"; --';
    const data = Buffer.from("1\n");
    const tally = new TableTally();
    tally.add(data);
    const file = join(folder, "hostile.backup");
    await writeFile(
      file,
      gzipSync(
        Buffer.concat([
          encodeJsonFrame("M", {
            format: BACKUP_FORMAT,
            version: BACKUP_VERSION,
            createdAt: new Date().toISOString(),
            server: "PostgreSQL",
            migrations: migrationNames(),
            tables: [{ name, columns: ["id"] }],
          }),
          encodeFrame("D", data),
          encodeJsonFrame("E", tally.end(name)),
          encodeJsonFrame("Z", { tables: 1, sequences: [] }),
        ]),
      ),
    );
    await expect(command("restore", target, file)).rejects.toMatchObject({
      stderr: expect.stringMatching(/The backup's tables are not this database's[\s\S]*Nothing was restored/),
    });
    const tables = await tableNames(target);
    expect(tables).toContain("countries");
    expect((await contents(target)).tables.countries!.rows).toBe(0);
  }, 120_000);
});
