import { atomResponse, FEED_SIZE, feedLanguage, feedTranslator } from "@/lib/http/atom";
import { searchParamsToQuery } from "@/lib/api/schema";
import { localized } from "@/lib/i18n/localize";
import { listMeetings } from "@/lib/meetings/queries";
import { MeetingListSchema, meetingListQuery } from "@/lib/meetings/schema";
import { paths } from "@/lib/paths";

export const dynamic = "force-dynamic";

/** New meetings, newest first, with the meetings list's filters (year, level, region, organization). */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const language = feedLanguage(url.searchParams);
  const params = MeetingListSchema.parse(searchParamsToQuery(url.searchParams));
  const t = feedTranslator(language, "feeds");
  const tLevels = feedTranslator(language, "meetings");
  const meetings = await listMeetings({ ...params, page: 1, perPage: FEED_SIZE, sort: "date-desc" });
  return atomResponse(request, {
    title: t("meetings"),
    pagePath: paths.meetings(meetingListQuery(params)),
    language,
    entries: meetings.items.map((meeting) => ({
      path: paths.meeting(meeting.slug),
      title: localized(language, meeting.titleEn, meeting.titleRu),
      summary: [tLevels(`levels.${meeting.level}`), localized(language, meeting.placeEn, meeting.placeRu)].filter(Boolean).join(", "),
      updated: meeting.date,
    })),
  });
}
