import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { ActiveFilters } from "@/components/joint-ventures/active-filters";
import { JointVentureDownloads } from "@/components/joint-ventures/downloads";
import { JointVentureFilterForm } from "@/components/joint-ventures/filter-form";
import { JointVentureTable } from "@/components/joint-ventures/results-table";
import { FeedLink } from "@/components/ui/feed-link";
import { PageHeading } from "@/components/ui/page-heading";
import { EmptyResults } from "@/components/ui/empty-results";
import { Pagination } from "@/components/ui/pagination";
import { getJointVentureFilterOptions, listJointVentures } from "@/lib/joint-ventures/queries";
import { filterToQuery, hasActiveFilters, parseJointVentureFilterLenient } from "@/lib/joint-ventures/schema";
import { DEFAULT_PAGE_SIZE, PageParamsSchema } from "@/lib/pagination";
import { paths } from "@/lib/paths";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props) {
  const [t, locale, query] = await Promise.all([getTranslations("jointVentures"), getLocale(), searchParams]);
  const feed = paths.feeds.jointVentures({ ...filterToQuery(parseJointVentureFilterLenient(query)), lang: locale });
  return { title: t("title"), alternates: { types: { "application/atom+xml": feed } } };
}

/** Joint ventures for analysts: filters in the URL, a paginated table, and downloads of the whole result. */
export default async function JointVenturesPage({ searchParams }: Props) {
  const query = await searchParams;
  // Nonsense in the URL falls back (a bad value is dropped), so a mistyped link still shows a table.
  const filter = parseJointVentureFilterLenient(query);
  const pageParams = PageParamsSchema.parse(query);
  const filterQuery = filterToQuery(filter);
  const listQuery = { ...filterQuery, perPage: pageParams.perPage === DEFAULT_PAGE_SIZE ? undefined : pageParams.perPage };

  // The form sends every field, empty ones and defaults too: answer with the short URL of the same view, so that
  // the address bar, the history and a shared link all read `?sector=28` rather than a dozen empty parameters.
  const canonical = paths.jointVentures({ ...listQuery, page: pageParams.page });
  const current = paths.jointVentures(query as Record<string, string | string[]>);
  if (canonical !== current) redirect(canonical);

  const locale = (await getLocale()) === "ru" ? "ru" : "en";
  const [t, tFeeds, options, page] = await Promise.all([
    getTranslations("jointVentures"),
    getTranslations("feeds"),
    getJointVentureFilterOptions(),
    listJointVentures(filter, pageParams, locale),
  ]);

  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <JointVentureFilterForm filter={filter} options={options} locale={locale} />
      <FeedLink href={paths.feeds.jointVentures({ ...filterQuery, lang: locale })} label={tFeeds("subscribe")} />

      <h2 className="mb-2 text-2xl font-bold">{t("count", { count: page.total })}</h2>
      <ActiveFilters filter={filter} options={options} locale={locale} />
      {page.items.length === 0 ? (
        <EmptyResults
          title={t("empty")}
          hint={t("emptyHint")}
          clearHref={hasActiveFilters(filter) || page.total > 0 ? paths.jointVentures() : undefined}
          clearLabel={t("emptyClear")}
        />
      ) : (
        <>
          <JointVentureDownloads query={filterQuery} total={page.total} />
          {filter.sort === "capital" && !filter.currency && <p className="mb-2 max-w-3xl text-base">{t("capitalSortNote")}</p>}
          <JointVentureTable page={page} filter={filter} locale={locale} />
          <Pagination page={page} href={(n) => paths.jointVentures({ ...listQuery, page: n })} />
        </>
      )}
      <DataSource />
    </>
  );
}
