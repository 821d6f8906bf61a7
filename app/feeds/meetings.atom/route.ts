import { FEED_SIZE, feedRoute, feedTranslator } from "@/lib/http/atom";
import { localized } from "@/lib/i18n/localize";
import { MeetingFeedQuerySchema } from "@/lib/meetings/dto";
import { listMeetings } from "@/lib/meetings/queries";
import { meetingListQuery } from "@/lib/meetings/schema";
import { paths } from "@/lib/paths";

export const dynamic = "force-dynamic";

/** New meetings, newest first, with the meetings list's filters (year, level, region, organization). */
export const GET = feedRoute(MeetingFeedQuerySchema, async ({ lang: _lang, ...filter }, language) => {
  void _lang;
  const t = feedTranslator(language, "feeds");
  const tLevels = feedTranslator(language, "meetings");
  const meetings = await listMeetings({ ...filter, page: 1, perPage: FEED_SIZE, sort: "date-desc" });
  return {
    title: t("meetings"),
    pagePath: paths.meetings(meetingListQuery(filter)),
    entries: meetings.items.map((meeting) => ({
      path: paths.meeting(meeting.slug),
      title: localized(language, meeting.titleEn, meeting.titleRu),
      summary: [tLevels(`levels.${meeting.level}`), localized(language, meeting.placeEn, meeting.placeRu)].filter(Boolean).join(", "),
      updated: meeting.date,
    })),
  };
});
