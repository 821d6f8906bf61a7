import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { TradeFilters } from "@/components/trade/trade-filters";
import { TradePairsTable } from "@/components/trade/trade-pairs-table";
import { PageHeading } from "@/components/ui/page-heading";
import { EmptyResults } from "@/components/ui/empty-results";
import { Pagination } from "@/components/ui/pagination";
import { fileParams } from "@/lib/export/columns";
import { toLocale } from "@/lib/i18n/locale";
import { paths } from "@/lib/paths";
import { listTradePairs } from "@/lib/trade/analysis";
import { TradeListSchema, tradeListQuery } from "@/lib/trade/schema";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("trade"))("title") };
}

/** Region pairs ranked by trade turnover or growth, filtered by country and year; every filter in the URL. */
export default async function TradePage({ searchParams }: Props) {
  // Nonsense in the URL falls back (a bad value is dropped), so a mistyped link still shows a list.
  const search = await searchParams;
  const params = TradeListSchema.parse(search);
  const query = tradeListQuery(params);
  // The form sends every field, empty ones and defaults too: answer with the short URL of the same view, so that
  // the address bar, the history and a shared link read `?country=BY` rather than `?country=BY&year=&sort=turnover`.
  const canonical = paths.trade(query);
  if (canonical !== paths.trade(search as Record<string, string | string[]>)) redirect(canonical);
  const locale = toLocale(await getLocale());
  const [t, tb, format, page] = await Promise.all([
    getTranslations("trade"),
    getTranslations("browse"),
    getFormatter(),
    listTradePairs(params, locale),
  ]);
  const filterQuery = { ...query, page: undefined, perPage: undefined };
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <TradeFilters params={params} />
      <h2 className="tabular mb-4 text-2xl font-bold" aria-live="polite">
        {t("count", { count: page.total, formatted: format.number(page.total) })}
      </h2>
      {page.items.length === 0 ? (
        page.total > 0 ? (
          <EmptyResults
            title={tb("pastLastPage")}
            hint={tb("pastLastPageHint")}
            clearHref={paths.trade({ ...query, page: undefined })}
            clearLabel={tb("firstPage")}
          />
        ) : (
          <EmptyResults
            title={t("noResults")}
            hint={t("noResultsHint")}
            relax={[
              ...(params.year ? [{ label: t("withoutYear"), href: paths.trade({ ...filterQuery, year: undefined }) }] : []),
              ...(params.country ? [{ label: t("withoutCountry"), href: paths.trade({ ...filterQuery, country: undefined }) }] : []),
            ]}
            clearHref={params.year || params.country ? paths.trade() : undefined}
            clearLabel={tb("clear")}
          />
        )
      ) : (
        <>
          <div className="mb-4">
            <ul className="flex flex-wrap gap-x-6">
              <li>
                <a href={paths.api.tradeExport({ ...filterQuery, ...fileParams(locale, "xlsx") }, "xlsx")} download>
                  {t("downloadXlsx")}
                </a>
              </li>
              <li>
                <a href={paths.api.tradeExport({ ...filterQuery, ...fileParams(locale, "csv") }, "csv")} download>
                  {t("downloadCsv")}
                </a>
              </li>
            </ul>
            <p className="text-muted">{t("downloadHint")}</p>
          </div>
          <TradePairsTable rows={page.items} />
          <Pagination page={page} href={(n) => paths.trade({ ...query, page: n })} />
        </>
      )}
      <DataSource origin="trade" />
    </>
  );
}
