import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Table } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { toLocale } from "@/lib/i18n/locale";
import type { BatchCounts, StoredRow } from "@/lib/import/batch";
import { issueLine, messageTranslator } from "@/lib/import/report";
import type { BatchStatus } from "@/lib/import/workspace";
import { paths } from "@/lib/paths";
import { staffTypeOf } from "@/lib/workspace/queries";

/**
 * The parts of an import's page that show what it holds: its status, its counts, its rows by what the preview
 * made of them, and what its commit wrote. Server components; the texts are the `importPage` catalogue's.
 */

const statusTones: Record<BatchStatus, "grey" | "blue" | "green" | "yellow"> = {
  uploaded: "blue",
  previewed: "blue",
  queued: "yellow",
  committing: "yellow",
  committed: "green",
  cancelled: "grey",
  failed: "grey",
  undone: "grey",
};

export async function BatchStatusTag({ status }: { status: BatchStatus }) {
  const t = await getTranslations("importPage");
  return <Tag tone={statusTones[status]}>{t(`statuses.${status}`)}</Tag>;
}

const countKeys = ["created", "updated", "unchanged", "refused", "decide", "skip"] as const satisfies readonly (keyof BatchCounts)[];

/** How many rows of each kind the preview found, each linking to its list below when it has one. */
export async function CountsTable({ counts }: { counts: Partial<BatchCounts> }) {
  const [t, format] = await Promise.all([getTranslations("importPage"), getFormatter()]);
  return (
    <div className="max-w-xl">
      <Table
        caption={t("countsCaption")}
        columns={[{ label: t("rowsWhich") }, { label: t("rows"), numeric: true }]}
        rows={countKeys.map((key) => [
          (counts[key] ?? 0) > 0 && listed.has(key) ? <a href={`#rows-${key}`}>{t(`counts.${key}`)}</a> : t(`counts.${key}`),
          format.number(counts[key] ?? 0),
        ])}
      />
    </div>
  );
}

const listed = new Set<string>(["created", "updated", "refused", "decide"]);
const shownRows = 100;

/** The rows of one kind, the first 100: refused ones with what to fix, updates with each change, new ones by name. */
export async function RowList({ kind, rows }: { kind: "created" | "updated" | "refused"; rows: StoredRow[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("importPage"), getFormatter(), getLocale().then(toLocale)]);
  if (rows.length === 0) return null;
  const translate = messageTranslator(locale);
  const detail = (row: StoredRow) => {
    if (kind === "refused") {
      return (
        <ul className="list-disc pl-5">
          {(row.issues ?? []).map((issue, i) => (
            <li key={i}>
              {issueLine(issue, translate)}
              {issue.value && <span className="block text-base text-muted">{t("valueWas", { value: issue.value.slice(0, 200) })}</span>}
            </li>
          ))}
        </ul>
      );
    }
    if (kind === "updated") {
      return (
        <ul className="list-none">
          {(row.changes ?? []).map((change) => (
            <li key={change.field}>
              <strong>{change.label}:</strong> {change.before || t("blank")} → {change.after || t("blank")}
            </li>
          ))}
        </ul>
      );
    }
    return row.warnings?.length ? row.warnings.map((warning) => issueLine(warning, translate)).join(" ") : "";
  };
  return (
    <section className="mt-8" aria-labelledby={`rows-${kind}`}>
      <h3 id={`rows-${kind}`} className="mb-2 text-xl font-bold">
        {t(`lists.${kind}`, { count: rows.length })}
      </h3>
      {rows.length > shownRows && (
        <p className="mb-2 text-muted">{t("firstShown", { shown: shownRows, total: format.number(rows.length) })}</p>
      )}
      <Table
        caption={t(`lists.${kind}`, { count: rows.length })}
        hideCaption
        columns={[{ label: t("row") }, { label: t("record") }, { label: t(`details.${kind}`) }]}
        rows={rows.slice(0, shownRows).map((row) => [
          <span key="row" className="tabular">
            {row.row}
          </span>,
          row.label ?? "",
          detail(row),
        ])}
      />
    </section>
  );
}

type Written = { row: number; entityType: string; entityId: number; action: string; label: string };

/** What a commit wrote, row by row, each record (named as its row named it) a link to its history, where the import is named. */
export async function WrittenList({ records, total }: { records: Written[]; total: number }) {
  const [t, tHistory, format] = await Promise.all([getTranslations("importPage"), getTranslations("history"), getFormatter()]);
  if (records.length === 0) return <p>{t("nothingWritten")}</p>;
  return (
    <>
      {total > records.length && (
        <p className="mb-2 text-muted">{t("firstShown", { shown: records.length, total: format.number(total) })}</p>
      )}
      <Table
        caption={t("writtenCaption")}
        columns={[{ label: t("row") }, { label: t("record") }, { label: t("action") }]}
        rows={records.map((record) => {
          const staffType = staffTypeOf[record.entityType as keyof typeof staffTypeOf];
          const name = record.label || `${tHistory(`types.${record.entityType}` as never)} #${record.entityId}`;
          return [
            <span key="row" className="tabular">
              {record.row}
            </span>,
            staffType ? <Link href={paths.staff.history(staffType, record.entityId)}>{name}</Link> : name,
            t(record.action === "create" ? "actionCreated" : "actionUpdated"),
          ];
        })}
      />
    </>
  );
}
