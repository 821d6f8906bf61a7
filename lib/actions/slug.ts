import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";

const tables = { regions: "regions", organizations: "organizations", meetings: "meetings" } as const;

/**
 * A new record's slug from its name, romanised by the same SQL function the search uses ("Курская область"
 * → "kurskaya-oblast"), with "-2", "-3"... when taken. Slugs stay as made: renaming a record keeps its URL.
 */
export async function uniqueSlug(tx: Tx, table: keyof typeof tables, text: string, maxLength: number): Promise<string> {
  const [slug] = await uniqueSlugs(tx, table, [text], maxLength);
  return slug!;
}

/**
 * `uniqueSlug` for several new records at once (the import writes hundreds in one statement), in their order:
 * each as if the ones before it were already written, so that two equal names get "x" and "x-2".
 */
export async function uniqueSlugs(tx: Tx, table: keyof typeof tables, texts: readonly string[], maxLength: number): Promise<string[]> {
  if (texts.length === 0) return [];
  // The bases as the names' slugs, cut to leave room for "-n"; and whether each is free, by one lookup in the
  // unique index. Mostly they are (an import of thousands of new names asks thousands of times): the prefix
  // search below reads the whole index unless the database's collation is "C" (LIKE cannot use it otherwise),
  // so it runs only for the bases that are taken.
  const rows = await tx.$queryRaw<{ base: string; taken: boolean }[]>(Prisma.sql`
    SELECT b.base, EXISTS (SELECT 1 FROM ${Prisma.raw(tables[table])} WHERE slug = b.base) AS taken
    FROM (SELECT t.ord, rtrim(left(coalesce(nullif(trim(both '-' from regexp_replace(interregio_romanize(t.text), '[^a-z0-9]+', '-', 'g')), ''),
                                            'record'), ${maxLength - 8}::int), '-') AS base
            FROM unnest(${[...texts]}::text[]) WITH ORDINALITY AS t(text, ord)) b
    ORDER BY b.ord`);
  const bases = rows.map((row) => row.base);
  // A base the list repeats is taken by its first record: its next ones need the numbered slugs in use too.
  const repeated = bases.filter((base, index) => bases.indexOf(base) !== index);
  const taken = [...new Set([...rows.filter((row) => row.taken).map((row) => row.base), ...repeated])];
  const used = new Set<string>();
  for (const base of taken) {
    const found = await tx.$queryRaw<{ slug: string }[]>(
      Prisma.sql`SELECT slug FROM ${Prisma.raw(tables[table])} WHERE slug = ${base} OR slug LIKE ${`${base}-%`}`,
    );
    for (const { slug } of found) used.add(slug);
  }
  return bases.map((base) => {
    let slug = base;
    for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}
