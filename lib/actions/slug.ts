import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";

const tables = { regions: "regions", organizations: "organizations", meetings: "meetings" } as const;

/**
 * A new record's slug from its name, romanised by the same SQL function the search uses ("Курская область"
 * → "kurskaya-oblast"), with "-2", "-3"... when taken. Slugs stay as made: renaming a record keeps its URL.
 */
export async function uniqueSlug(tx: Tx, table: keyof typeof tables, text: string, maxLength: number): Promise<string> {
  // The base as the name's slug, cut to leave room for "-n"; and whether it is free, by one lookup in the
  // unique index. Mostly it is (an import of thousands of new names asks thousands of times): the prefix search
  // after it reads the whole index unless the database's collation is "C" (LIKE cannot use it otherwise).
  const [row] = await tx.$queryRaw<{ base: string; taken: boolean }[]>(Prisma.sql`
    SELECT b.base, EXISTS (SELECT 1 FROM ${Prisma.raw(tables[table])} WHERE slug = b.base) AS taken
    FROM (SELECT rtrim(left(coalesce(nullif(trim(both '-' from regexp_replace(interregio_romanize(${text}::text), '[^a-z0-9]+', '-', 'g')), ''),
                                     'record'), ${maxLength - 8}::int), '-') AS base) b`);
  const base = row!.base;
  if (!row!.taken) return base;
  const taken = await tx.$queryRaw<{ slug: string }[]>(
    Prisma.sql`SELECT slug FROM ${Prisma.raw(tables[table])} WHERE slug = ${base} OR slug LIKE ${`${base}-%`}`,
  );
  const used = new Set(taken.map((r) => r.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
