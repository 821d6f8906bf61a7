import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { RegionTable } from "@/components/regions/region-table";
import { ExportLinks } from "@/components/ui/export-links";
import { PageHeading } from "@/components/ui/page-heading";
import { EmptyResults } from "@/components/ui/empty-results";
import { FilterForm, SelectFilter } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { RegionLevel } from "@/lib/generated/prisma/enums";
import { fileParams } from "@/lib/export/columns";
import { localized } from "@/lib/i18n/localize";
import { toLocale } from "@/lib/i18n/locale";
import { paths } from "@/lib/paths";
import { listCountryOptions, listRegions } from "@/lib/regions/queries";
import { RegionListSchema, regionListQuery } from "@/lib/regions/schema";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("regions"))("title") };
}

export default async function RegionsPage({ searchParams }: Props) {
  const params = RegionListSchema.parse(await searchParams);
  const locale = toLocale(await getLocale());
  const [t, tb, format, result, countries] = await Promise.all([
    getTranslations("regions"),
    getTranslations("browse"),
    getFormatter(),
    listRegions(params, locale),
    listCountryOptions(locale),
  ]);
  const query = regionListQuery(params);
  const filtered = Boolean(params.country || params.level);
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <FilterForm
        action={paths.regions()}
        label={tb("filtersLabel")}
        applyLabel={tb("apply")}
        clearLabel={tb("clear")}
        clearHref={filtered ? paths.regions(regionListQuery({ perPage: params.perPage })) : undefined}
        hidden={{ perPage: query.perPage }}
      >
        <SelectFilter
          name="country"
          label={t("country")}
          value={params.country}
          anyLabel={tb("any")}
          options={countries.map((c) => ({ value: c.code, label: localized(locale, c.nameEn, c.nameRu) }))}
        />
        <SelectFilter
          name="level"
          label={t("level")}
          value={params.level}
          anyLabel={tb("any")}
          options={Object.values(RegionLevel).map((level) => ({ value: level, label: t(`levels.${level}`) }))}
        />
      </FilterForm>
      <p className="tabular mb-4 text-xl font-bold" aria-live="polite">
        {t("count", { count: result.total, formatted: format.number(result.total) })}
      </p>
      {result.items.length === 0 ? (
        <EmptyResults
          title={result.total > 0 ? tb("pastLastPage") : t("noMatch")}
          hint={result.total > 0 ? tb("pastLastPageHint") : tb("relaxHint")}
          clearHref={result.total > 0 ? paths.regions({ ...query, page: undefined }) : paths.regions()}
          clearLabel={result.total > 0 ? tb("firstPage") : tb("clear")}
        />
      ) : (
        <>
          <RegionTable rows={result.items} />
          <Pagination page={result} href={(page) => paths.regions({ ...query, page })} />
          <ExportLinks
            links={(["xlsx", "csv"] as const).map((file) => ({
              href: paths.api.regionsExport(file, { ...query, page: undefined, perPage: undefined, ...fileParams(locale, file) }),
              label: t(file === "xlsx" ? "downloadXlsx" : "downloadCsv"),
            }))}
          />
        </>
      )}
      <DataSource />
    </>
  );
}
