import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Table } from "@/components/ui/table";
import { getFieldLabeller, ImportedFrom } from "@/components/workspace/history-list";
import { paths } from "@/lib/paths";
import { staffTypeOf, type HistoryEvent } from "@/lib/workspace/queries";
import { formatMoment } from "@/lib/i18n/dates";

/** A table of changes across records: when, who, which record, and which fields (the activity log and the front page). */
export async function RecentChanges({ events }: { events: HistoryEvent[] }) {
  const [t, tWorkspace, locale, labelOf] = await Promise.all([
    getTranslations("history"),
    getTranslations("workspace"),
    getLocale(),
    getFieldLabeller(),
  ]);
  if (events.length === 0) return <p>{tWorkspace("noRecent")}</p>;
  const shown = 4;
  return (
    <Table
      caption={t("changes")}
      hideCaption
      columns={[{ label: t("when") }, { label: t("person") }, { label: t("record") }, { label: t("what") }]}
      rows={events.map((event) => {
        const staffType = staffTypeOf[event.entityType as keyof typeof staffTypeOf];
        const name = event.title ?? `#${event.entityId}`;
        // An import's own events (commit, stop, undo) carry counts, not a record's fields: its page tells them.
        const fields = event.importBatch && !staffType ? [] : event.changes.map((change) => labelOf(event.entityType, change.field));
        return [
          <time key="at" dateTime={event.at.toISOString()}>
            {formatMoment(locale, event.at)}
          </time>,
          event.actor ?? t("unknownPerson"),
          <>
            <span className="block text-base text-muted">{t(`types.${event.entityType}` as never)}</span>
            {staffType ? (
              <Link href={paths.staff.history(staffType, Number(event.entityId))}>{name}</Link>
            ) : event.importBatch ? (
              <Link href={paths.staff.importBatch(event.importBatch.id)}>{event.importBatch.fileName}</Link>
            ) : (
              name
            )}
            {staffType && <ImportedFrom event={event} label={(file) => t("importedFrom", { file })} />}
          </>,
          <>
            <strong className="block">{t(`verbs.${event.verb}` as never)}</strong>
            {fields.slice(0, shown).join(", ")}
            {fields.length > shown && ` ${t("more", { count: fields.length - shown })}`}
          </>,
        ];
      })}
    />
  );
}
