import { z } from "zod";

/**
 * Every list is bounded. Pages (`?page=3`) serve the public lists, where a reader wants page numbers and a
 * total; cursors (`?cursor=…`) serve the API, where a client walks the whole set while records are added.
 */

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
/** Deep offsets cost a scan of everything before them: past this page a reader should narrow the filters. */
export const MAX_PAGE = 2000;

/** `?page=` and `?perPage=` from a URL; nonsense falls back to the first page rather than an error page. */
export const PageParamsSchema = z.object({
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1).default(1),
  perPage: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).catch(DEFAULT_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});
export type PageParams = z.infer<typeof PageParamsSchema>;

export type Page<T> = {
  items: T[];
  page: number;
  perPage: number;
  total: number;
  pageCount: number;
};

/**
 * The URL query of a list view: its `filters` as given, its sort and page size only where they differ from the
 * defaults, and the page, so that equal views have equal URLs.
 */
export function listQuery<Params extends Partial<PageParams> & { sort?: string }, Filter extends keyof Params>(
  params: Params,
  filters: readonly Filter[],
  defaultSort?: Params["sort"],
) {
  const filtered = Object.fromEntries(filters.map((key) => [key, params[key]])) as Pick<Params, Filter>;
  return {
    ...filtered,
    sort: params.sort === defaultSort ? undefined : params.sort,
    perPage: params.perPage === DEFAULT_PAGE_SIZE ? undefined : params.perPage,
    page: params.page,
  };
}

/** Prisma's `skip` and `take` for a page. */
export function pageArgs({ page, perPage }: PageParams) {
  return { skip: (page - 1) * perPage, take: perPage };
}

export function toPage<T>(items: T[], total: number, { page, perPage }: PageParams): Page<T> {
  return { items, page, perPage, total, pageCount: Math.max(1, Math.ceil(total / perPage)) };
}

/** The page numbers to show: first, last, and two either side of the current one; null marks a gap. */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const shown = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (typeof last === "number" && n - last > 1) out.push(null);
    out.push(n);
  }
  return out;
}

// ---- Cursors (API) ----

export const CursorParamsSchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});
export type CursorParams = z.infer<typeof CursorParamsSchema>;

export type CursorPage<T> = { items: T[]; nextCursor: string | null };

/**
 * A cursor is the sort key of the last item served, opaque to clients (base64url JSON). Keyset pagination
 * on a unique key stays stable while records are added: nothing is served twice and nothing is skipped.
 */
export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** The key inside a cursor, checked against `schema`; null when the cursor is not one of ours. */
export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.infer<S> | null {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Reads `limit + 1` rows to learn whether there is a next page; builds the cursor from the last row served. */
export function toCursorPage<T>(rows: T[], limit: number, keyOf: (row: T) => readonly (string | number | null)[]): CursorPage<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/** Maps a keyset page of rows to a page of DTOs; the cursor is built from the row, before mapping. */
export function mapCursorPage<Row, Dto>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => readonly (string | number | null)[],
  toDto: (row: Row) => Dto,
): CursorPage<Dto> {
  const page = toCursorPage(rows, limit, keyOf);
  return { items: page.items.map(toDto), nextCursor: page.nextCursor };
}

/** Prisma's arguments for a keyset page by id: the rows after the cursor's id, in id order, one more than the page. */
export function idKeyset({ cursor, limit }: { cursor?: readonly [number]; limit: number }) {
  return { where: cursor ? { id: { gt: cursor[0] } } : {}, orderBy: { id: "asc" as const }, take: limit + 1 };
}

/** The key of a row in a keyset page by id. */
export const idKey = (row: { id: number }) => [row.id];
