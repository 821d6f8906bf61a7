import { Suspense } from "react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SearchFacets, SelectedFilters } from "@/components/search/facets";
import { SearchResults } from "@/components/search/search-results";
import { FeedLink } from "@/components/ui/feed-link";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Pagination } from "@/components/ui/pagination";
import { paths } from "@/lib/paths";
import { hasWords, searchRegistry } from "@/lib/search/queries";
import { searchParamsFromUrl, searchQuery, type SearchParams } from "@/lib/search/schema";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props) {
  const [t, locale, raw] = await Promise.all([getTranslations("search"), getLocale(), searchParams]);
  const params = searchParamsFromUrl(raw);
  const { q } = params;
  if (!hasWords(q)) return { title: q ? t("titleFor", { query: q.slice(0, 80) }) : t("title") };
  return { title: t("titleFor", { query: q.slice(0, 80) }), alternates: { types: { "application/atom+xml": feedPath(params, locale) } } };
}

/** The search's feed: its words and filters, not its page. */
function feedPath(params: SearchParams, locale: string) {
  return paths.feeds.search({ ...searchQuery(params), page: undefined, perPage: undefined, lang: locale });
}

export default async function SearchPage({ searchParams }: Props) {
  const [t, params] = await Promise.all([getTranslations("search"), searchParams.then(searchParamsFromUrl)]);
  return (
    <>
      <PageHeading>{t("title")}</PageHeading>
      <form action={paths.search()} method="get" role="search" className="mb-8 max-w-3xl">
        <label htmlFor="search-page-q" className="mb-1 block font-bold">
          {t("label")}
        </label>
        <p id="search-page-hint" className="mb-2 text-muted">
          {t("hint")}
        </p>
        <div className="flex gap-2">
          <input
            id="search-page-q"
            name="q"
            type="search"
            defaultValue={params.q}
            maxLength={1000}
            aria-describedby="search-page-hint"
            className="input flex-1"
          />
          <button type="submit" className="button">
            {t("submit")}
          </button>
        </div>
      </form>
      {/* A new query or filter shows the fallback instead of the old results while the new ones load. */}
      <Suspense key={JSON.stringify(searchQuery(params))} fallback={<p role="status">{t("loading")}</p>}>
        <SearchOutcome params={params} />
      </Suspense>
    </>
  );
}

async function SearchOutcome({ params }: { params: SearchParams }) {
  const [t, tFeeds, locale] = await Promise.all([getTranslations("search"), getTranslations("feeds"), getLocale()]);
  if (!hasWords(params.q)) return <SyntaxHelp />;
  const result = await searchRegistry(params, { facets: true });
  const filtered = searchQuery({ ...params, q: "" });
  const hasFilters = Object.entries(filtered).some(
    ([key, value]) => !["page", "perPage", "q"].includes(key) && (Array.isArray(value) ? value.length > 0 : value !== undefined),
  );
  const from = (result.page - 1) * result.perPage + 1;
  const total = result.totalCapped ? t("moreThan", { count: result.total.toLocaleString(locale) }) : result.total.toLocaleString(locale);
  return (
    <div className="grid gap-8 md:grid-cols-[16rem_1fr]">
      <div>{result.facets && <SearchFacets facets={result.facets} params={params} capped={result.totalCapped} />}</div>
      <div>
        <SelectedFilters params={params} facets={result.facets} />
        <FeedLink href={feedPath(params, locale)} label={tFeeds("subscribeSearch")} />
        {result.total === 0 ? (
          <Notice>
            <p className="font-bold">{t("noResults", { query: params.q })}</p>
            <ul className="mt-2 ml-6 list-disc">
              <li>{t("tipSpelling")}</li>
              <li>{t("tipFewerWords")}</li>
              {hasFilters && (
                <li>
                  <Link href={paths.search({ q: params.q })}>{t("tipClearFilters")}</Link>
                </li>
              )}
            </ul>
          </Notice>
        ) : (
          <>
            {result.correctedQuery && (
              <p className="mb-2 text-lg">
                {t("corrected", { query: params.q, corrected: result.correctedQuery })}{" "}
                <Link href={paths.search({ ...searchQuery({ ...params, page: 1, literal: true }), page: undefined })}>
                  {t("searchLiteral", { query: params.q })}
                </Link>
              </p>
            )}
            <p role="status" className="mb-2 text-lg">
              {result.items.length === 0
                ? t("pastTheEnd", { total })
                : t("showing", {
                    from: from.toLocaleString(locale),
                    to: (from + result.items.length - 1).toLocaleString(locale),
                    total,
                    query: result.correctedQuery ?? params.q,
                  })}
            </p>
            <h2 className="sr-only">{t("resultsHeading")}</h2>
            <SearchResults hits={result.items} startAt={from} />
            <Pagination page={result} href={(page) => paths.search({ ...searchQuery(params), page })} />
          </>
        )}
      </div>
    </div>
  );
}

async function SyntaxHelp() {
  const t = await getTranslations("search");
  return (
    <section aria-labelledby="syntax" className="max-w-3xl">
      <h2 id="syntax" className="mb-3 text-2xl font-bold">
        {t("syntaxTitle")}
      </h2>
      <ul className="ml-6 list-disc space-y-1">
        <li>{t("syntaxWords")}</li>
        <li>{t("syntaxPhrase")}</li>
        <li>{t("syntaxOr")}</li>
        <li>{t("syntaxExclude")}</li>
        <li>{t("syntaxScripts")}</li>
        <li>{t("syntaxTypos")}</li>
      </ul>
    </section>
  );
}
