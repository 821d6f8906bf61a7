import { getLocale, getTranslations } from "next-intl/server";
import { getRegistryUpdatedAt } from "@/lib/dashboard/queries";
import { formatDay } from "@/lib/i18n/dates";
import { localized } from "@/lib/i18n/localize";

/** A record's source document: its title as filed, its Russian title where it has one, its address where known. */
export type SourceDocument = { title: string; titleRu?: string | null; url: string | null };

/** What a list draws on, said in one sentence; a record with no source document of its own says "registry". */
export type DataOrigin = "registry" | "trade" | "sectors";

/** Source documents named on one page; a pair with decades of figures says how many more there are. */
const SHOWN_SOURCES = 5;

/**
 * Where a page's data comes from and when the registry last changed, under every public list and record:
 * "Source: <the record's documents>" (or a sentence on where the list's data comes from) and "Registry last
 * updated on <date>", in the reader's language and date form. The date is the footer's cached read
 * (getRegistryUpdatedAt, invalidated with the records); during an outage the line is left out, not the page.
 */
export async function DataSource({ sources = [], origin = "registry" }: { sources?: readonly SourceDocument[]; origin?: DataOrigin }) {
  const [t, locale, updatedAt] = await Promise.all([getTranslations("dataSource"), getLocale(), getRegistryUpdatedAt().catch(() => null)]);
  // One line per document, however many figures cite it.
  const documents = [
    ...new Map(
      sources.map((source) => {
        const title = localized(locale, source.title, source.titleRu);
        return [`${title}\n${source.url ?? ""}`, { title, url: source.url }];
      }),
    ).values(),
  ];
  const shown = documents.slice(0, SHOWN_SOURCES);
  return (
    <div className="mt-12 max-w-3xl border-t border-line pt-4 text-base text-muted">
      {shown.length > 0 ? (
        <p>
          {t("sources", { count: shown.length })}{" "}
          {shown.map((source, i) => (
            <span key={i}>
              {i > 0 && "; "}
              {source.url ? <a href={source.url}>{source.title}</a> : source.title}
            </span>
          ))}
          {documents.length > shown.length && <> {t("more", { count: documents.length - shown.length })}</>}.
        </p>
      ) : (
        <p>{t(`origin.${origin}`)}</p>
      )}
      {updatedAt && <p>{t("updated", { date: formatDay(locale, updatedAt) })}</p>}
    </div>
  );
}
