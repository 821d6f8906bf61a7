import type { Prisma } from "@/lib/generated/prisma/client";

/** The select for one entry of an entity's meeting timeline: the link's note and its meeting. */
export const timelineSelect = {
  id: true,
  note: true,
  createdAt: true,
  meeting: { select: { slug: true, titleEn: true, titleRu: true, date: true, level: true, isDemo: true } },
} satisfies Prisma.DiscussionLinkSelect;

export type TimelineEntry = Prisma.DiscussionLinkGetPayload<{ select: typeof timelineSelect }>;

/** Live links, newest meeting first. */
export const timelineArgs = {
  where: { archivedAt: null, meeting: { archivedAt: null } },
  orderBy: [{ meeting: { date: "desc" } }, { id: "desc" }],
  select: timelineSelect,
} satisfies Prisma.DiscussionLinkFindManyArgs;
