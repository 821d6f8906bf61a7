import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { CommitmentList } from "@/components/commitments/commitment-list";
import { TrackerCounts } from "@/components/commitments/tracker-counts";
import { TrackerFilters } from "@/components/commitments/tracker-filters";
import { ExportLinks } from "@/components/ui/export-links";
import { FeedLink } from "@/components/ui/feed-link";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { EmptyResults } from "@/components/ui/empty-results";
import { Pagination } from "@/components/ui/pagination";
import { parseTrackerParams, trackerQuery, type TrackerParams } from "@/lib/commitments/schema";
import { fileParams } from "@/lib/export/columns";
import { countCommitmentsByStatus, getTrackerFilterNames, listCommitments } from "@/lib/commitments/tracker";
import { toLocale } from "@/lib/i18n/locale";
import { paths } from "@/lib/paths";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props) {
  const [t, locale, raw] = await Promise.all([getTranslations("tracker"), getLocale(), searchParams]);
  const feed = paths.feeds.commitments({ ...listFilters(parseTrackerParams(raw).params), lang: locale });
  return { title: t("title"), alternates: { types: { "application/atom+xml": feed } } };
}

/** The list's filters without its page: what the feed and the downloads take. */
function listFilters(params: TrackerParams) {
  return { ...trackerQuery(params), page: undefined, perPage: undefined };
}

/** Every commitment, filtered in the URL, with counts by status; each commitment links to its own page. */
export default async function CommitmentsPage({ searchParams }: Props) {
  const { params, ignored } = parseTrackerParams(await searchParams);
  const locale = toLocale(await getLocale());
  const [t, tFeeds, format, result, counts, names] = await Promise.all([
    getTranslations("tracker"),
    getTranslations("feeds"),
    getFormatter(),
    listCommitments(params, locale),
    countCommitmentsByStatus(params),
    getTrackerFilterNames({ region: params.region, party: params.party, meeting: params.meeting }, locale),
  ]);
  const query = trackerQuery(params);
  const problems = [
    ...names.regions.filter((r) => r.name === null).map((r) => t("unknownRegion", { slug: r.slug })),
    ...(params.party && names.party === null ? [t("unknownParty", { slug: params.party })] : []),
    ...(params.meeting && names.meeting === null ? [t("unknownMeeting", { slug: params.meeting })] : []),
    ...(params.dueFrom && params.dueTo && params.dueFrom > params.dueTo ? [t("rangeReversed")] : []),
  ];
  const concerning = names.regions.flatMap((r) => (r.name ? [r.name] : []));
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      {ignored.length > 0 && <Notice>{t("ignored", { names: ignored.map((name) => t(`ignoredNames.${name}`)).join(", ") })}</Notice>}
      {problems.map((problem) => (
        <Notice key={problem}>{problem}</Notice>
      ))}
      <TrackerFilters params={params} names={names} />
      <FeedLink href={paths.feeds.commitments({ ...listFilters(params), lang: locale })} label={tFeeds("subscribe")} />
      <TrackerCounts params={params} counts={counts} />
      {concerning.length > 0 && (
        <p className="mb-2 text-xl">
          {t("concerning", { names: new Intl.ListFormat(locale, { type: "conjunction" }).format(concerning) })}
        </p>
      )}
      <p className="tabular mb-4 text-xl font-bold" aria-live="polite">
        {t("count", { count: result.total, formatted: format.number(result.total) })}
      </p>
      {result.items.length === 0 ? (
        <EmptyResults title={t("emptyTitle")} hint={t("emptyHint")} clearHref={paths.commitments()} clearLabel={t("clearAll")} />
      ) : (
        <>
          <CommitmentList items={result.items} />
          <Pagination page={result} href={(page) => paths.commitments({ ...query, page })} />
          <ExportLinks
            links={(["xlsx", "csv"] as const).map((file) => ({
              href: paths.api.commitmentsExport(file, { ...listFilters(params), ...fileParams(locale, file) }),
              label: t(file === "xlsx" ? "downloadXlsx" : "downloadCsv"),
            }))}
          />
        </>
      )}
      <DataSource />
    </>
  );
}
