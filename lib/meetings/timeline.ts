import { readDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** An entity's page shows its latest meetings; the meetings list, filtered to the entity, shows the rest. */
export const TIMELINE_LIMIT = 10;

/** The select for one entry of an entity's meeting timeline: the link's note and its meeting. */
export const timelineSelect = {
  id: true,
  note: true,
  createdAt: true,
  meeting: { select: { slug: true, titleEn: true, titleRu: true, date: true, level: true, isDemo: true } },
} satisfies Prisma.DiscussionLinkSelect;

export type TimelineEntry = Prisma.DiscussionLinkGetPayload<{ select: typeof timelineSelect }>;

/** Live links to live meetings: what the timeline shows and counts. */
const liveLinks = { archivedAt: null, meeting: { archivedAt: null } } satisfies Prisma.DiscussionLinkWhereInput;

/**
 * The latest meetings of one organization or region and how many there are in all. Top-level queries, not a
 * nested select: Prisma reads a nested relation's rows for all parents and cuts `take` in memory, and a
 * nested `_count` groups the whole links table.
 */
export async function listTimeline(entity: { organizationId: number } | { regionId: number }) {
  const where = { ...entity, ...liveLinks } satisfies Prisma.DiscussionLinkWhereInput;
  const [entries, total] = await Promise.all([
    readDb().discussionLink.findMany({
      where,
      orderBy: [{ meeting: { date: "desc" } }, { id: "desc" }],
      take: TIMELINE_LIMIT,
      select: timelineSelect,
    }),
    readDb().discussionLink.count({ where }),
  ]);
  return { entries, total };
}
