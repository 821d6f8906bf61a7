import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";

const tables = { regions: "regions", organizations: "organizations", meetings: "meetings" } as const;

/**
 * A new record's slug from its name, romanised by the same SQL function the search uses ("Курская область"
 * → "kurskaya-oblast"), with "-2", "-3"... when taken. Slugs stay as made: renaming a record keeps its URL.
 */
export async function uniqueSlug(tx: Tx, table: keyof typeof tables, text: string, maxLength: number): Promise<string> {
  const [row] = await tx.$queryRaw<{ slug: string }[]>`
    SELECT trim(both '-' from regexp_replace(interregio_romanize(${text}::text), '[^a-z0-9]+', '-', 'g')) AS slug`;
  const base = (row?.slug || "record").slice(0, maxLength - 8).replace(/-+$/, "");
  const taken = await tx.$queryRaw<{ slug: string }[]>(
    Prisma.sql`SELECT slug FROM ${Prisma.raw(tables[table])} WHERE slug = ${base} OR slug LIKE ${`${base}-%`}`,
  );
  const used = new Set(taken.map((r) => r.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
