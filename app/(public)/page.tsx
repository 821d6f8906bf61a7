import { getLocale, getTranslations } from "next-intl/server";
import { ActivePairs } from "@/components/home/active-pairs";
import { ExploreLinks } from "@/components/home/explore-links";
import { HeadlineFigures } from "@/components/home/headline-figures";
import { LatestMeetings } from "@/components/home/latest-meetings";
import { HomeMap } from "@/components/map/home-map";
import { PageHeading } from "@/components/ui/page-heading";
import { countCommitmentsByStatus, listCommitments } from "@/lib/commitments/tracker";
import { readDashboardCounts } from "@/lib/dashboard/queries";
import { toLocale } from "@/lib/i18n/locale";
import { toMeasure } from "@/lib/map/shading";
import { listLatestMeetings } from "@/lib/meetings/queries";
import { listActivePairs } from "@/lib/regions/queries";
import { readLatestTrade } from "@/lib/trade/queries";

/** Meetings on the home page, and commitments named under each (the tracker has the rest). */
const HOME_MEETINGS = 3;
const COMMITMENTS_PER_MEETING = 3;

type Props = { searchParams: Promise<{ measure?: string | string[] }> };

/**
 * The front door: the registry in figures, the map of partner regions, the region pairs that do the most
 * together, the latest meetings with what was agreed there, and where to go next.
 */
export default async function HomePage({ searchParams }: Props) {
  const measure = toMeasure((await searchParams).measure);
  const locale = toLocale(await getLocale());
  const [t, counts, open, trade, pairs, latest] = await Promise.all([
    getTranslations("home"),
    readDashboardCounts(),
    countCommitmentsByStatus({ open: true }),
    readLatestTrade(),
    listActivePairs(),
    listLatestMeetings(HOME_MEETINGS),
  ]);
  const meetings = await Promise.all(
    latest.map(async (meeting) => ({
      ...meeting,
      commitments: await listCommitments({ meeting: meeting.slug, perPage: COMMITMENTS_PER_MEETING }, locale),
    })),
  );
  const figures = {
    organizations: counts.organizations.total,
    ventures: counts.organizations.byKind.joint_venture,
    meetings: counts.meetings.total,
    openCommitments: Object.values(open).reduce((sum, n) => sum + n, 0),
    trade,
  };
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <HeadlineFigures figures={figures} />
      <HomeMap measure={measure} />
      <ActivePairs pairs={pairs} />
      <LatestMeetings meetings={meetings} />
      <ExploreLinks />
    </>
  );
}
