import { cache } from "react";
import { db } from "@/lib/db";
import { regionRefSelect } from "@/lib/regions/queries";

export async function listMeetings() {
  return db().meeting.findMany({
    where: { archivedAt: null },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    select: {
      slug: true,
      titleEn: true,
      titleRu: true,
      date: true,
      level: true,
      placeEn: true,
      placeRu: true,
      isDemo: true,
      _count: { select: { discussionLinks: { where: { archivedAt: null } } } },
    },
  });
}

const regionSelect = { select: regionRefSelect };
const meetingRefSelect = { slug: true, titleEn: true, titleRu: true, date: true } as const;

/** One read per request: the page and its metadata share it. */
export const getMeetingPage = cache(async (slug: string) => {
  const meeting = await db().meeting.findFirst({
    where: { slug, archivedAt: null },
    select: {
      id: true,
      slug: true,
      titleEn: true,
      titleRu: true,
      date: true,
      placeEn: true,
      placeRu: true,
      level: true,
      summaryEn: true,
      summaryRu: true,
      sourceTitle: true,
      sourceUrl: true,
      isDemo: true,
      regions: { select: { region: regionSelect }, orderBy: { region: { nameEn: "asc" } } },
      participants: {
        orderBy: { position: "asc" },
        select: { personEn: true, personRu: true, roleEn: true, roleRu: true, sideRegion: regionSelect },
      },
      statements: {
        orderBy: { position: "asc" },
        select: { speakerEn: true, speakerRu: true, textEn: true, textRu: true },
      },
      discussionLinks: {
        where: { archivedAt: null },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          version: true,
          note: true,
          createdAt: true,
          createdBy: { select: { name: true } },
          organization: { select: { slug: true, name: true, nameEn: true, kind: true, isDemo: true } },
          region: regionSelect,
        },
      },
      commitments: {
        where: { archivedAt: null },
        orderBy: { id: "asc" },
        select: {
          id: true,
          textEn: true,
          textRu: true,
          status: true,
          dueDate: true,
          parties: {
            select: {
              organization: { select: { slug: true, name: true, nameEn: true } },
              region: regionSelect,
            },
          },
          followUps: {
            where: { meeting: { archivedAt: null } },
            orderBy: { meeting: { date: "asc" } },
            select: { meeting: { select: meetingRefSelect } },
          },
        },
      },
      followedUp: {
        where: { commitment: { archivedAt: null } },
        select: {
          commitment: { select: { id: true, textEn: true, textRu: true, status: true, meeting: { select: meetingRefSelect } } },
        },
      },
    },
  });
  return meeting;
});

export type MeetingPage = NonNullable<Awaited<ReturnType<typeof getMeetingPage>>>;

/** Organizations and regions an editor may link to a meeting, for the linking form. */
export async function listLinkableEntities() {
  const [organizations, regions] = await Promise.all([
    db().organization.findMany({
      where: { archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, nameEn: true },
    }),
    db().region.findMany({
      where: { archivedAt: null },
      orderBy: { nameEn: "asc" },
      select: { id: true, nameEn: true, nameRu: true },
    }),
  ]);
  return { organizations, regions };
}
