import "server-only";
import { readDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { mapCursorPage, type CursorPage } from "@/lib/pagination";
import { paths } from "@/lib/paths";
import type { ChangeDto, ChangeQuery } from "./dto";

const { sql, empty } = Prisma;

type ChangeRow = {
  event_id: bigint;
  at: Date;
  entity_type: string;
  verb: string;
  slug: string | null;
  entity_id: string;
  partner_slug: string | null;
  year: number | null;
};

/** Audit entity types as the public calls them; discussion links, accounts and imports are not public records. */
const publicTypes = {
  region: "region",
  organization: "organization",
  meeting: "meeting",
  commitment: "commitment",
  trade_figure: "trade",
} as const;
const kinds = { create: "created", update: "updated", archive: "archived", restore: "restored" } as const;

/**
 * GET /api/v1/changes: a keyset page of the audit log's record events, oldest first, so that a client that keeps
 * the last cursor reads every change once. The public id and address are joined from the record itself.
 */
export async function listChangesPage(query: ChangeQuery): Promise<CursorPage<ChangeDto>> {
  const auditType = query.type ? Object.entries(publicTypes).find(([, type]) => type === query.type)![0] : null;
  const rows = await readDb().$queryRaw<ChangeRow[]>(sql`
    SELECT e.id AS event_id, e.at, e.entity_type, split_part(e.action, '.', 2) AS verb, e.entity_id,
           coalesce(r.slug, o.slug, m.slug, tr.slug) AS slug, tp.slug AS partner_slug, t.year
    FROM audit_events e
    CROSS JOIN LATERAL (SELECT CASE WHEN e.entity_id ~ '^[0-9]{1,9}$' THEN e.entity_id::int END AS id) k
    LEFT JOIN regions r ON e.entity_type = 'region' AND r.id = k.id
    LEFT JOIN organizations o ON e.entity_type = 'organization' AND o.id = k.id
    LEFT JOIN meetings m ON e.entity_type = 'meeting' AND m.id = k.id
    LEFT JOIN trade_figures t ON e.entity_type = 'trade_figure' AND t.id = k.id
    LEFT JOIN regions tr ON tr.id = t.region_id
    LEFT JOIN regions tp ON tp.id = t.partner_region_id
    WHERE e.entity_type IN ('region', 'organization', 'meeting', 'commitment', 'trade_figure')
      AND split_part(e.action, '.', 2) IN ('create', 'update', 'archive', 'restore')
      ${auditType ? sql`AND e.entity_type = ${auditType}` : empty}
      ${query.since ? sql`AND e.at >= (${query.since}::timestamptz AT TIME ZONE 'UTC')` : empty}
      ${query.cursor ? sql`AND e.id > ${query.cursor[0]}` : empty}
    ORDER BY e.id
    LIMIT ${query.limit + 1}`);
  return mapCursorPage(rows, query.limit, (row) => [Number(row.event_id)], toChange);
}

function toChange(row: ChangeRow): ChangeDto {
  const type = publicTypes[row.entity_type as keyof typeof publicTypes];
  const change = kinds[row.verb as keyof typeof kinds];
  const at = row.at.toISOString();
  switch (type) {
    case "commitment":
      return { type, id: row.entity_id, change, at, url: paths.commitment(Number(row.entity_id)) };
    case "trade":
      return {
        type,
        id: `${row.slug}/${row.partner_slug}/${row.year}`,
        change,
        at,
        url: paths.tradePair(row.slug ?? "", row.partner_slug ?? ""),
      };
    case "region":
      return { type, id: row.slug ?? row.entity_id, change, at, url: paths.region(row.slug ?? "") };
    case "organization":
      return { type, id: row.slug ?? row.entity_id, change, at, url: paths.organization(row.slug ?? "") };
    case "meeting":
      return { type, id: row.slug ?? row.entity_id, change, at, url: paths.meeting(row.slug ?? "") };
  }
}
