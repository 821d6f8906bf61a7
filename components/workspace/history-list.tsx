import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ChangeTable, type ChangeTableTexts } from "@/components/workspace/change-table";
import { paths } from "@/lib/paths";
import type { AuditEntityType } from "@/lib/audit";
import type { HistoryEvent } from "@/lib/workspace/queries";
import { formatMoment } from "@/lib/i18n/dates";

/** The catalogue namespace that names each record type's fields (its edit form's labels). */
const fieldNamespaces: Partial<Record<AuditEntityType, string>> = {
  region: "editRegion",
  organization: "editOrganization",
  meeting: "editMeeting",
  commitment: "editCommitment",
  trade_figure: "editTrade",
  user: "users",
};

/** A field's label for people: the edit form's label where there is one, else the name spelled out. */
export async function getFieldLabeller() {
  const translators = await Promise.all(
    Object.entries(fieldNamespaces).map(async ([type, namespace]) => [type, await getTranslations(namespace as never)] as const),
  );
  const byType = new Map(translators);
  return (type: string, field: string) => {
    const t = byType.get(type as AuditEntityType) as ((key: string) => string) & { has: (key: string) => boolean };
    if (t?.has(`fields.${field}`)) return t(`fields.${field}`);
    return field.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase());
  };
}

/** The change table's words (components/workspace/change-table.tsx), for the staff and the public histories. */
export async function getChangeTableTexts(): Promise<ChangeTableTexts> {
  const [t, tWorkspace] = await Promise.all([getTranslations("history"), getTranslations("workspace")]);
  return {
    caption: t("changes"),
    field: tWorkspace("field"),
    before: tWorkspace("before"),
    after: tWorkspace("after"),
    blank: tWorkspace("blank"),
    yes: tWorkspace("yes"),
    no: tWorkspace("no"),
  };
}

/** One record's history: each change with who and when, and every field as before → after. */
export async function HistoryList({ events }: { events: HistoryEvent[] }) {
  const [t, locale, labelOf, texts] = await Promise.all([
    getTranslations("history"),
    getLocale(),
    getFieldLabeller(),
    getChangeTableTexts(),
  ]);
  if (events.length === 0) return <p>{t("empty")}</p>;
  return (
    <ol className="max-w-4xl">
      {events.map((event) => (
        <li key={event.id} className="mb-8 border-l-4 border-brand pl-4">
          <h2 className="text-xl font-bold">
            {t("by", { verb: t(`verbs.${event.verb}` as never), person: event.actor ?? t("unknownPerson") })}
          </h2>
          <p className="text-muted">
            <time dateTime={event.at.toISOString()}>{formatMoment(locale, event.at)}</time>
          </p>
          <ImportedFrom event={event} label={(file) => t("importedFrom", { file })} />
          {event.changes.length === 0 ? (
            <p>{t("noFieldChanges")}</p>
          ) : (
            <ChangeTable changes={event.changes} labelOf={(field) => labelOf(event.entityType, field)} texts={texts} />
          )}
        </li>
      ))}
    </ol>
  );
}

/** Where a change came from an import: a link to that import's page (what it wrote, its undo). */
export function ImportedFrom({ event, label }: { event: HistoryEvent; label: (file: string) => string }) {
  if (!event.importBatch) return null;
  return (
    <p>
      <Link href={paths.staff.importBatch(event.importBatch.id)}>{label(event.importBatch.fileName)}</Link>
    </p>
  );
}
