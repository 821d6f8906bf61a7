import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n";
import { paths } from "@/lib/paths";
import { facetNames, searchQuery, type FacetName, type FacetValue, type Facets, type SearchParams } from "@/lib/search/schema";

/** Which search parameter a facet sets. The founded decade sets a year range. */
const parameterOf: Record<Exclude<FacetName, "foundedDecade">, keyof SearchParams> = {
  type: "type",
  kind: "kind",
  sector: "sector",
  region: "region",
  country: "country",
  status: "status",
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

/**
 * The facets beside the results: each value with how many results it keeps. Links, not a form: each click is
 * a URL that the back button and a shared link restore.
 */
export async function SearchFacets({ facets, params }: { facets: Facets; params: SearchParams }) {
  const [tSearch, tOrganizations, locale] = await Promise.all([getTranslations("search"), getTranslations("organizations"), getLocale()]);
  const label = (facet: FacetName, item: FacetValue) => {
    if (item.labelEn || item.labelRu) return localized(locale, item.labelEn, item.labelRu);
    if (facet === "type") return tSearch(`typesPlural.${item.value}`);
    if (facet === "kind") return tOrganizations(`kindsPlural.${item.value}`);
    if (facet === "status") return tOrganizations(`statuses.${item.value}`);
    if (facet === "foundedDecade") return tSearch("decade", { from: item.value, to: Number(item.value) + 9 });
    return item.value;
  };
  const shown = facetNames.filter((facet) => facets[facet].length > 0);
  if (shown.length === 0) return null;
  return (
    <nav aria-label={tSearch("facetsLabel")} className="space-y-6">
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
                    {label(facet, item)}
                    {selected && <span className="sr-only"> ({tSearch("selectedRemove")})</span>}
                  </Link>
                  <span className="tabular text-muted">{item.count.toLocaleString(locale)}</span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
