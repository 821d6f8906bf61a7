import { getLocale, getTranslations } from "next-intl/server";
import { JointVentureDownloads } from "@/components/joint-ventures/downloads";
import { JointVentureFilterForm } from "@/components/joint-ventures/filter-form";
import { JointVentureTable } from "@/components/joint-ventures/results-table";
import { PageHeading } from "@/components/ui";
import { EmptyResults } from "@/components/ui/empty-results";
import { Pagination } from "@/components/ui/pagination";
import { getJointVentureFilterOptions, listJointVentures } from "@/lib/joint-ventures/queries";
import { filterToQuery, hasActiveFilters, parseJointVentureFilterLenient } from "@/lib/joint-ventures/schema";
import { PageParamsSchema } from "@/lib/pagination";
import { paths } from "@/lib/paths";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("jointVentures"))("title") };
}

/** Joint ventures for analysts: filters in the URL, a paginated table, and downloads of the whole result. */
export default async function JointVenturesPage({ searchParams }: Props) {
  const query = await searchParams;
  // Nonsense in the URL falls back (a bad value is dropped), so a mistyped link still shows a table.
  const filter = parseJointVentureFilterLenient(query);
  const pageParams = PageParamsSchema.parse(query);
  const locale = (await getLocale()) === "ru" ? "ru" : "en";
  const [t, options, page] = await Promise.all([
    getTranslations("jointVentures"),
    getJointVentureFilterOptions(),
    listJointVentures(filter, pageParams, locale),
  ]);
  const filterQuery = filterToQuery(filter);
  const listQuery = { ...filterQuery, perPage: pageParams.perPage === 25 ? undefined : pageParams.perPage };

  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <JointVentureFilterForm filter={filter} options={options} locale={locale} />

      <h2 className="text-2xl font-bold mb-2" aria-live="polite">
        {t("count", { count: page.total })}
      </h2>
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
          <JointVentureTable page={page} filter={filter} locale={locale} />
          <Pagination page={page} href={(n) => paths.jointVentures({ ...listQuery, page: n })} />
        </>
      )}
    </>
  );
}
