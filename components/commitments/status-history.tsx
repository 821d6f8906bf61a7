import { getLocale, getTranslations } from "next-intl/server";
import { Muted } from "@/components/ui/notice";
import { Table } from "@/components/ui/table";
import type { StatusChange } from "@/lib/commitments/tracker";
import { formatMoment } from "@/lib/i18n/dates";

type Props = {
  history: StatusChange[];
  /** Who made each change, by audit event id: given to signed-in staff only, since staff names are not public. */
  authors?: Record<string, string>;
};

/**
 * Each change of a commitment's status, from the audit log: when, from what to what, the note given with it,
 * and for staff who made it (the staff member's name, never an email).
 */
export async function StatusHistory({ history, authors }: Props) {
  const [t, locale] = await Promise.all([getTranslations("tracker"), getLocale()]);
  if (history.length === 0) return <Muted>{t("noHistory")}</Muted>;
  const status = (s: StatusChange["to"]) => t(`statuses.${s}`);
  return (
    <Table
      caption={t("historyCaption")}
      hideCaption
      columns={[
        { label: t("historyWhen") },
        { label: t("historyChange") },
        ...(authors ? [{ label: t("historyBy") }] : []),
        { label: t("historyNote") },
      ]}
      rows={history.map((change) => [
        <time key="at" dateTime={change.at.toISOString()} className="tabular whitespace-nowrap">
          {formatMoment(locale, change.at)}
        </time>,
        change.from ? t("changed", { from: status(change.from), to: status(change.to) }) : t("recorded", { status: status(change.to) }),
        ...(authors ? [authors[change.eventId] ?? t("staff")] : []),
        change.note ? <span className="whitespace-pre-line">{change.note}</span> : "",
      ])}
    />
  );
}
