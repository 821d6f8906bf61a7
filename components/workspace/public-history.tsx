import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { PageHeading } from "@/components/ui/page-heading";
import { Pagination } from "@/components/ui/pagination";
import { ChangeTable } from "@/components/workspace/change-table";
import { getChangeTableTexts, getFieldLabeller } from "@/components/workspace/history-list";
import { formatDay } from "@/lib/i18n/dates";
import { HistoryParamsSchema, listPublicHistory, type HistoryEvent, type PublicHistoryType } from "@/lib/workspace/queries";

/**
 * A record's history for the public: each change with its day, what happened and its public fields before →
 * after. Unlike the staff history (history-list.tsx) it names no one.
 */
export async function PublicHistory({ events, entityType }: { events: Omit<HistoryEvent, "actor" | "importBatch">[]; entityType: string }) {
  const [t, locale, labelOf, texts] = await Promise.all([
    getTranslations("history"),
    getLocale(),
    getFieldLabeller(),
    getChangeTableTexts(),
  ]);
  if (events.length === 0) return <p className="max-w-3xl">{t("publicEmpty")}</p>;
  return (
    <ol className="max-w-4xl divide-y divide-line border-y border-line">
      {events.map((event) => (
        <li key={event.id} className="py-4">
          <h2 className="text-xl font-bold">
            {t(`verbs.${event.verb}` as never)},{" "}
            <time dateTime={event.at.toISOString()} className="whitespace-nowrap">
              {formatDay(locale, event.at)}
            </time>
          </h2>
          {event.verb === "update" && event.changes.length > 0 && (
            <ChangeTable changes={event.changes} labelOf={(field) => labelOf(entityType, field)} texts={texts} />
          )}
        </li>
      ))}
    </ol>
  );
}

/**
 * The public history page of one record (organizations, regions, meetings, commitments): its name linking back to
 * its page, then its changes a page at a time. Public fields only, no one named (lib/workspace/queries.ts).
 */
export async function PublicHistoryPage({
  type,
  id,
  name,
  recordHref,
  pageHref,
  searchParams,
}: {
  type: PublicHistoryType;
  id: number;
  name: string;
  recordHref: string;
  pageHref: (page: number) => string;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const [t, history] = await Promise.all([
    getTranslations("history"),
    listPublicHistory(type, id, HistoryParamsSchema.parse(searchParams)),
  ]);
  return (
    <>
      <PageHeading caption={<Link href={recordHref}>{name}</Link>} lead={t("publicLead")}>
        {t("publicTitle")}
      </PageHeading>
      <PublicHistory events={history.items} entityType={type} />
      <Pagination page={history} href={pageHref} />
      <DataSource />
    </>
  );
}

/** The link from a record's page to its public history, with the day it last changed. */
export async function PublicHistoryLink({ href, updatedAt }: { href: string; updatedAt?: Date | null }) {
  const [t, locale] = await Promise.all([getTranslations("history"), getLocale()]);
  return (
    <p className="mt-8 text-base">
      <Link href={href}>{t("publicLink")}</Link>
      {updatedAt && <> {t("lastChanged", { date: formatDay(locale, updatedAt) })}</>}
    </p>
  );
}
