import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";
import { facetNames, searchQuery, type FacetName, type Facets, type SearchParams } from "@/lib/search/schema";

type ListFacet = Exclude<FacetName, "foundedDecade">;

/** Which search parameter a facet sets, in the order the chosen filters are listed. The founded decade sets a year range. */
const parameterOf: Record<ListFacet, keyof SearchParams> = {
  type: "type",
  kind: "kind",
  status: "status",
  sector: "sector",
  region: "region",
  country: "country",
  meetingYear: "meetingYear",
};

const SHOWN_VALUES = 12;

function isSelected(params: SearchParams, facet: FacetName, value: string) {
  if (facet === "foundedDecade") return params.foundedFrom === Number(value) && params.foundedTo === Number(value) + 9;
  const selected = params[parameterOf[facet]];
  return Array.isArray(selected) && (selected as (string | number)[]).map(String).includes(value);
}

/** The URL with one facet value added or removed, back on the first page. */
export function toggledPath(params: SearchParams, facet: FacetName, value: string) {
  const query = { ...searchQuery(params), page: undefined };
  if (facet === "foundedDecade") {
    const on = isSelected(params, facet, value);
    return paths.search({ ...query, foundedFrom: on ? undefined : Number(value), foundedTo: on ? undefined : Number(value) + 9 });
  }
  const key = parameterOf[facet];
  const current = ((params[key] as (string | number)[]) ?? []).map(String);
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return paths.search({ ...query, [key]: next });
}

/** Names a facet's value in the reader's language: as the facets label it ("Belarus", not "BY") where they hold it. */
async function facetValueNamer(facets?: Facets) {
  const [tSearch, tOrganizations, locale] = await Promise.all([getTranslations("search"), getTranslations("organizations"), getLocale()]);
  return (facet: FacetName, value: string) => {
    const found = facets?.[facet].find((item) => item.value === value);
    if (found && (found.labelEn || found.labelRu)) return localized(locale, found.labelEn, found.labelRu);
    if (facet === "type") return tSearch(`typesPlural.${value}`);
    if (facet === "kind") return tOrganizations(`kindsPlural.${value}`);
    if (facet === "status") return tOrganizations(`statuses.${value}`);
    if (facet === "foundedDecade") return tSearch("decade", { from: value, to: Number(value) + 9 });
    return value;
  };
}

/**
 * The facets beside the results: each value with how many results it keeps. Links, not a form: each click is
 * a URL that the back button and a shared link restore. Past 1,000 results (`capped`) the values are those of
 * the first thousand (lib/search/sql.ts, buildFacetQuery), shown without counts, and the panel says so.
 */
export async function SearchFacets({ facets, params, capped }: { facets: Facets; params: SearchParams; capped: boolean }) {
  const [tSearch, locale, nameOf] = await Promise.all([getTranslations("search"), getLocale(), facetValueNamer(facets)]);
  const shown = facetNames.filter((facet) => facets[facet].length > 0);
  if (shown.length === 0) return null;
  return (
    <nav aria-label={tSearch("facetsLabel")} className="space-y-6">
      {capped && <p className="text-muted">{tSearch("facetsCapped")}</p>}
      {shown.map((facet) => (
        <section key={facet} aria-labelledby={`facet-${facet}`}>
          <h3 id={`facet-${facet}`} className="mb-2 border-b-2 border-ink font-bold">
            {tSearch(`facets.${facet}`)}
          </h3>
          <ul className="space-y-1">
            {facets[facet].slice(0, SHOWN_VALUES).map((item) => {
              const selected = isSelected(params, facet, item.value);
              return (
                <li key={item.value} className="flex justify-between gap-3">
                  <Link
                    href={toggledPath(params, facet, item.value)}
                    aria-current={selected ? "true" : undefined}
                    className={selected ? "font-bold" : undefined}
                  >
                    {facet === "sector" && <span className="tabular">{item.value} </span>}
                    {nameOf(facet, item.value)}
                    {selected && <span className="sr-only"> ({tSearch("selectedRemove")})</span>}
                  </Link>
                  {!capped && <span className="tabular text-muted">{item.count.toLocaleString(locale)}</span>}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}

/** The chosen filters above the results, each with a link that removes it, and one that clears them all. */
export async function SelectedFilters({ params, facets }: { params: SearchParams; facets?: Facets }) {
  const [t, nameOf] = await Promise.all([getTranslations("search"), facetValueNamer(facets)]);
  const chips: { label: string; href: string }[] = [];
  for (const [facet, key] of Object.entries(parameterOf) as [ListFacet, keyof SearchParams][]) {
    for (const value of params[key] as (string | number)[]) {
      chips.push({ label: `${t(`facets.${facet}`)}: ${nameOf(facet, String(value))}`, href: toggledPath(params, facet, String(value)) });
    }
  }
  if (params.level.length)
    chips.push({
      label: `${t("facets.level")}: ${params.level.join(", ")}`,
      href: paths.search({ ...searchQuery(params), level: [], page: undefined }),
    });
  if (params.foundedFrom !== undefined || params.foundedTo !== undefined)
    chips.push({
      label: `${t("facets.foundedDecade")}: ${params.foundedFrom ?? "…"}–${params.foundedTo ?? "…"}`,
      href: paths.search({ ...searchQuery(params), foundedFrom: undefined, foundedTo: undefined, page: undefined }),
    });
  if (chips.length === 0) return null;
  return (
    <div className="mb-4">
      <h2 className="font-bold">{t("selectedFilters")}</h2>
      <ul className="mt-1 flex flex-wrap gap-2">
        {chips.map((chip) => (
          <li key={chip.href}>
            <Link href={chip.href} className="inline-block border-2 border-ink px-2 py-0.5 no-underline">
              {chip.label} <span aria-hidden>×</span>
              <span className="sr-only"> ({t("selectedRemove")})</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-2">
        <Link href={paths.search({ q: params.q })}>{t("clearFilters")}</Link>
      </p>
    </div>
  );
}
