import { getLocale, getTranslations } from "next-intl/server";
import { ChangeTable } from "@/components/workspace/change-table";
import { getChangeTableTexts, getFieldLabeller } from "@/components/workspace/history-list";
import type { HistoryEvent } from "@/lib/workspace/queries";
import { formatDay } from "@/lib/i18n/dates";

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
