import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { CommitmentList } from "@/components/commitments/commitment-list";
import { TrackerCounts } from "@/components/commitments/tracker-counts";
import { TrackerFilters } from "@/components/commitments/tracker-filters";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { EmptyResults } from "@/components/ui/empty-results";
import { Pagination } from "@/components/ui/pagination";
import { parseTrackerParams, trackerQuery } from "@/lib/commitments/schema";
import { countCommitmentsByStatus, getTrackerFilterNames, listCommitments } from "@/lib/commitments/tracker";
import { toLocale } from "@/lib/i18n/locale";
import { paths } from "@/lib/paths";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("tracker"))("title") };
}

/** Every commitment, filtered in the URL, with counts by status; each commitment links to its own page. */
export default async function CommitmentsPage({ searchParams }: Props) {
  const { params, ignored } = parseTrackerParams(await searchParams);
  const locale = toLocale(await getLocale());
  const [t, format, result, counts, names] = await Promise.all([
    getTranslations("tracker"),
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
        </>
      )}
      <DataSource />
    </>
  );
}
