import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Highlight } from "@/components/search/highlight";
import { DemoTag } from "@/components/ui/demo-tag";
import { Tag } from "@/components/ui/tag";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";
import type { SearchHit } from "@/lib/search/schema";
import { formatDay } from "@/lib/i18n/dates";

function hitPath(hit: SearchHit) {
  if (hit.type === "organization") return paths.organization(hit.slug);
  if (hit.type === "region") return paths.region(hit.slug);
  return paths.meeting(hit.slug);
}

/** One page of results: title with the matches marked, what the record is, and a passage where it matched. */
export async function SearchResults({ hits, startAt }: { hits: SearchHit[]; startAt: number }) {
  const [tSearch, tOrganizations, tMeetings, tRegions, locale] = await Promise.all([
    getTranslations("search"),
    getTranslations("organizations"),
    getTranslations("meetings"),
    getTranslations("regions"),
    getLocale(),
  ]);
  return (
    <ol start={startAt} className="max-w-3xl">
      {hits.map((hit) => {
        const headline = locale === "ru" ? hit.headlineRu || hit.headlineEn : hit.headlineEn || hit.headlineRu;
        const snippet = locale === "ru" ? (hit.snippetRu ?? hit.snippetEn) : (hit.snippetEn ?? hit.snippetRu);
        const context: string[] = [];
        if (hit.type === "organization") {
          if (hit.kind) context.push(tOrganizations(`kinds.${hit.kind}`));
          if (hit.region) context.push(localized(locale, hit.region.nameEn, hit.region.nameRu));
          if (hit.status) context.push(tOrganizations(`statuses.${hit.status}`));
          if (hit.foundedYear) context.push(tSearch("founded", { year: hit.foundedYear }));
        } else if (hit.type === "meeting") {
          if (hit.date) context.push(formatDay(locale, new Date(hit.date)));
          if (hit.level) context.push(tMeetings(`levels.${hit.level}`));
        } else if (hit.level) {
          context.push(tRegions(`levels.${hit.level}`));
        }
        return (
          <li key={`${hit.type}:${hit.slug}`} className="border-b border-line py-4">
            <p className="mb-1">
              <Tag tone={hit.type === "organization" ? "blue" : hit.type === "region" ? "green" : "grey"}>
                {tSearch(`types.${hit.type}`)}
              </Tag>{" "}
              {hit.isDemo && <DemoTag />}
            </p>
            <h3 className="text-xl font-bold">
              <Link href={hitPath(hit)}>
                <Highlight text={headline} />
              </Link>
            </h3>
            {context.length > 0 && <p className="text-muted">{context.join(" · ")}</p>}
            {snippet && (
              <p className="mt-1">
                … <Highlight text={snippet} /> …
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
