import { listNewestCommitments } from "@/lib/commitments/api";
import { CommitmentFeedQuerySchema } from "@/lib/commitments/dto";
import { trackerQuery } from "@/lib/commitments/schema";
import { FEED_SIZE, feedRoute, feedTranslator } from "@/lib/http/atom";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";

export const dynamic = "force-dynamic";

/** New commitments, newest record first, with the commitments page's filters. */
export const GET = feedRoute(CommitmentFeedQuerySchema, async ({ lang: _lang, ...filters }, language) => {
  void _lang;
  const t = feedTranslator(language, "feeds");
  const tStatuses = feedTranslator(language, "meetings");
  const commitments = await listNewestCommitments(filters, FEED_SIZE);
  return {
    title: t("commitments"),
    pagePath: paths.commitments(trackerQuery(filters)),
    entries: commitments.map((commitment) => ({
      path: commitment.url,
      title: localized(language, commitment.textEn, commitment.textRu),
      summary: [
        tStatuses(`commitmentStatuses.${commitment.status}`),
        commitment.dueDate && t("due", { date: commitment.dueDate }),
        localized(language, commitment.meeting.titleEn, commitment.meeting.titleRu),
      ]
        .filter(Boolean)
        .join("; "),
      updated: new Date(commitment.updatedAt),
    })),
  };
});
