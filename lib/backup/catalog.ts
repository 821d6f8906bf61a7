import type { ClientBase } from "pg";

/**
 * What a backup or restore learns from the database itself: the app's tables (the `public` schema, less Prisma's
 * migration history), their columns, the order in which they can be filled, the sequences behind their ids and
 * the migrations applied. A table or column name reaches SQL only as read here, never as a backup file gives it.
 *
 * pg-boss's `pgboss` schema is left out on purpose: its jobs are transient, pg-boss creates its schema afresh on
 * the app's first start, and an import's own progress lives in `import_batches`, whose stopped batches the app
 * queues again (instrumentation.ts). Tables whose comment starts "Derived:" are left out too: their rows are made
 * again by triggers and migrations as the other tables are restored (the search's word table and synonyms).
 */

/** A name read from the database's catalog; only such names are quoted into SQL. */
export type CatalogName = string & { readonly fromCatalog: unique symbol };

export type CatalogTable = {
  name: CatalogName;
  /** The columns a COPY writes, in the table's order: generated columns are computed again, not copied. */
  columns: CatalogName[];
  /** The other tables of the schema that this one's foreign keys point to. */
  references: CatalogName[];
};

export type CatalogSequence = { table: CatalogName; column: CatalogName; sequence: CatalogName; lastValue: string | null };

export type Catalog = {
  /** In an order in which each table comes after those it references. */
  tables: CatalogTable[];
  sequences: CatalogSequence[];
  /** The migrations applied, by name in order; null when the database has no migration history at all. */
  migrations: string[] | null;
};

export const MIGRATIONS_TABLE = "_prisma_migrations";

export function quoteName(name: CatalogName): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function readCatalog(client: ClientBase): Promise<Catalog> {
  const tables = await client.query<{ name: CatalogName; columns: CatalogName[]; references: CatalogName[] }>(
    `SELECT c.relname::text AS name,
       array(SELECT a.attname::text FROM pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
             ORDER BY a.attnum) AS columns,
       array(SELECT DISTINCT f.relname::text FROM pg_constraint k JOIN pg_class f ON f.oid = k.confrelid
             WHERE k.conrelid = c.oid AND k.contype = 'f' AND k.confrelid <> c.oid
               AND f.relnamespace = 'public'::regnamespace) AS references
     FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND c.relname <> $1
       AND coalesce(obj_description(c.oid, 'pg_class'), '') NOT LIKE 'Derived:%'
     ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  const sequences = await client.query<CatalogSequence>(
    `SELECT t.relname::text AS table, a.attname::text AS column, s.relname::text AS sequence, q.last_value::text AS "lastValue"
     FROM pg_depend d
     JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
     JOIN pg_class t ON t.oid = d.refobjid
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
     LEFT JOIN pg_sequences q ON q.schemaname = 'public' AND q.sequencename = s.relname
     WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
       AND t.relnamespace = 'public'::regnamespace AND t.relname <> $1
     ORDER BY 1, 2`,
    [MIGRATIONS_TABLE],
  );
  const history = await client.query<{ present: boolean }>(
    `SELECT to_regclass(format('%I.%I', 'public', $1::text)) IS NOT NULL AS present`,
    [MIGRATIONS_TABLE],
  );
  let migrations: string[] | null = null;
  if (history.rows[0]?.present) {
    const applied = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    migrations = applied.rows.map((row) => row.name);
  }
  return { tables: fillingOrder(tables.rows), sequences: sequences.rows, migrations };
}

/**
 * The tables ordered so that each comes after every table it references, so that the rows can be copied in
 * with every foreign key checked as they arrive (no superuser needed to switch the checks off). A reference of a
 * table to itself is checked at the end of its COPY statement, so its rows may come in any order.
 */
export function fillingOrder<Table extends { name: string; references: string[] }>(tables: Table[]): Table[] {
  const ordered: Table[] = [];
  const placed = new Set<string>();
  const known = new Set(tables.map((table) => table.name));
  let remaining = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (remaining.length > 0) {
    const ready = remaining.filter((table) => table.references.every((name) => placed.has(name) || !known.has(name)));
    if (ready.length === 0)
      throw new Error(`The tables ${remaining.map((table) => table.name).join(", ")} reference each other in a cycle.`);
    for (const table of ready) {
      ordered.push(table);
      placed.add(table.name);
    }
    remaining = remaining.filter((table) => !placed.has(table.name));
  }
  return ordered;
}
