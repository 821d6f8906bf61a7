import { getFormatter, getTranslations } from "next-intl/server";
import type { AuditEntityType } from "@/lib/audit";
import type { HistoryEvent } from "@/lib/workspace/queries";

/** The catalogue namespace that names each record type's fields (its edit form's labels). */
const fieldNamespaces: Partial<Record<AuditEntityType, string>> = {
  region: "editRegion",
  organization: "editOrganization",
  meeting: "editMeeting",
  commitment: "editCommitment",
  trade_figure: "editTrade",
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

/** One record's history: each change with who and when, and every field as before → after. */
export async function HistoryList({ events }: { events: HistoryEvent[] }) {
  const [t, format, labelOf] = await Promise.all([getTranslations("history"), getFormatter(), getFieldLabeller()]);
  if (events.length === 0) return <p>{t("empty")}</p>;
  return (
    <ol className="max-w-4xl">
      {events.map((event) => (
        <li key={event.id} className="mb-8 border-l-4 border-brand pl-4">
          <h2 className="text-xl font-bold">
            {t("by", { verb: t(`verbs.${event.verb}` as never), person: event.actor ?? t("unknownPerson") })}
          </h2>
          <p className="text-muted">
            <time dateTime={event.at.toISOString()}>{format.dateTime(event.at, { dateStyle: "long", timeStyle: "short" })}</time>
          </p>
          {event.changes.length === 0 ? (
            <p>{t("noFieldChanges")}</p>
          ) : (
            <ChangeTable event={event} labelOf={labelOf} caption={t("changes")} />
          )}
        </li>
      ))}
    </ol>
  );
}

export async function ChangeTable({
  event,
  labelOf,
  caption,
}: {
  event: HistoryEvent;
  labelOf: (type: string, field: string) => string;
  caption: string;
}) {
  const t = await getTranslations("workspace");
  return (
    <table className="mt-2 w-full table-fixed border-collapse text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="w-1/4 border-b-2 border-ink py-1 pr-4">
            {t("field")}
          </th>
          <th scope="col" className="border-b-2 border-ink py-1 pr-4">
            {t("before")}
          </th>
          <th scope="col" className="border-b-2 border-ink py-1 pr-4">
            {t("after")}
          </th>
        </tr>
      </thead>
      <tbody>
        {event.changes.map((change) => (
          <tr key={change.field}>
            <th scope="row" className="border-b border-line py-1 pr-4 align-top">
              {labelOf(event.entityType, change.field)}
            </th>
            <td className="border-b border-line py-1 pr-4 align-top break-words">
              {change.before ? <del className="no-underline">{change.before}</del> : <span className="text-muted">{t("blank")}</span>}
            </td>
            <td className="border-b border-line py-1 pr-4 align-top break-words">
              {change.after ? <ins className="no-underline">{change.after}</ins> : <span className="text-muted">{t("blank")}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
