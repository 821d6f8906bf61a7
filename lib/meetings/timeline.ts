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
export const timelineCountWhere = { archivedAt: null, meeting: { archivedAt: null } } satisfies Prisma.DiscussionLinkWhereInput;

/** The latest live links, newest meeting first. */
export const timelineArgs = {
  where: timelineCountWhere,
  orderBy: [{ meeting: { date: "desc" } }, { id: "desc" }],
  take: TIMELINE_LIMIT,
  select: timelineSelect,
} satisfies Prisma.DiscussionLinkFindManyArgs;
