import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ButtonForm } from "@/components/form/button-form";
import { BatchStatusTag, CountsTable, RowList, WrittenList } from "@/components/import/batch-parts";
import { DecisionsForm, ImportProgress, MappingForm } from "@/components/import/import-forms";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { SummaryList } from "@/components/ui/summary-list";
import { RecordId } from "@/lib/actions/fields";
import { requireStaffPage } from "@/lib/auth/session";
import { toLocale } from "@/lib/i18n/locale";
import { cancelImport, commitImport, decideImportRows, mapImportColumns, undoImport } from "@/lib/import/actions";
import { importFields, recordTypeLabels, recordTypes } from "@/lib/import/fields";
import { columnLetter } from "@/lib/import/read";
import { issueLine, messageTranslator } from "@/lib/import/report";
import {
  batchProgress,
  batchRows,
  batchSheet,
  findBatch,
  siblingSheets,
  undoLeftAlone,
  writtenRecords,
  type BatchSummary,
} from "@/lib/import/workspace";
import { paths } from "@/lib/paths";
import { formatMoment } from "@/lib/i18n/dates";

type Props = { params: Promise<{ id: string }> };

async function load(params: Props["params"]) {
  const id = RecordId.safeParse((await params).id);
  const batch = id.success ? await findBatch(id.data) : null;
  if (!batch) notFound();
  return batch;
}

export async function generateMetadata({ params }: Props) {
  const [t, batch] = await Promise.all([getTranslations("importPage"), load(params)]);
  return { title: t("batchTitle", { file: batch.fileName }) };
}

/**
 * One import, through its steps on one page: confirm the columns, read the preview (and decide the rows that
 * may be records the registry has), commit and follow its progress, then the outcome with what was written
 * and the undo. Which parts show follows the batch's status.
 */
export default async function ImportBatchPage({ params }: Props) {
  const user = await requireStaffPage();
  const batch = await load(params);
  const [t, format, locale, siblings] = await Promise.all([
    getTranslations("importPage"),
    getFormatter(),
    getLocale().then(toLocale),
    siblingSheets(batch),
  ]);
  const open = batch.status === "uploaded" || batch.status === "previewed";
  const running = batch.status === "queued" || batch.status === "committing";
  const done = batch.status === "committed" || batch.status === "cancelled" || batch.status === "failed";
  return (
    <>
      <p className="mb-4">
        <Link href={paths.staff.imports()}>{t("allImports")}</Link>
      </p>
      <PageHeading caption={t("title")}>{t("batchTitle", { file: batch.fileName })}</PageHeading>
      <SummaryList
        rows={[
          [t("status"), <BatchStatusTag key="status" status={batch.status} />],
          [t("sheet"), batch.sheetName ?? "—"],
          [t("recordType"), recordTypeLabels[batch.recordType][locale]],
          [t("rows"), format.number(batch.rowsTotal || 0)],
          [
            t("uploaded"),
            t("uploadedBy", {
              person: batch.author.name,
              when: formatMoment(locale, batch.createdAt),
            }),
          ],
          [
            t("fileHash"),
            <code key="hash" className="text-base break-all">
              {batch.fileHash}
            </code>,
          ],
        ]}
      />
      {siblings.length > 0 && (
        <Notice>
          <p className="font-bold">{t("otherSheets")}</p>
          <ul className="list-disc pl-6">
            {siblings.map((sibling) => (
              <li key={sibling.id}>
                <Link href={paths.staff.importBatch(sibling.id)}>{sibling.sheetName}</Link> (<BatchStatusTag status={sibling.status} />)
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {/* Once checked, the preview comes first; the columns can still be changed below it. */}
      {batch.status === "previewed" && <Preview batch={batch} />}
      {open && <Mapping batch={batch} />}
      {running && <Running batch={batch} />}
      {(done || batch.status === "undone") && (
        <Outcome batch={batch} canUndo={done && (batch.authorId === user.id || user.role === "admin")} />
      )}
    </>
  );
}

/** The record type and each column's field, with a few values of each column to tell them apart. */
async function Mapping({ batch }: { batch: BatchSummary }) {
  const [t, tImport, locale, sheet] = await Promise.all([
    getTranslations("importPage"),
    getTranslations("import"),
    getLocale().then(toLocale),
    batchSheet(batch.id),
  ]);
  if (!sheet) return null;
  const notes = new Map((batch.mapping.notes ?? []).map((note) => [note.column, tImport(note.message.key, note.message.values as never)]));
  const columns = sheet.headers.map((header, index) => ({
    index,
    letter: columnLetter(index),
    header,
    samples: [...new Set(sheet.rows.map((row) => row.cells[index] ?? "").filter(Boolean))].slice(0, 3).map((value) => value.slice(0, 60)),
    field: batch.mapping.mapping[index] ?? "",
    note: notes.get(index),
  }));
  return (
    <Section title={batch.status === "uploaded" ? t("mappingTitle") : t("mappingAgainTitle")} id="columns">
      <p className="mb-4 max-w-3xl">{t("mappingLead", { row: sheet.headerRow })}</p>
      {(sheet.skipped ?? []).length > 0 && (
        <Notice>
          <p className="font-bold">{t("sheetsSkipped")}</p>
          <ul className="list-disc pl-6">
            {(sheet.skipped ?? []).map((skipped) => (
              <li key={skipped.name}>
                {skipped.name}: {tImport(skipped.reason.key, skipped.reason.values as never)}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      <MappingForm
        action={mapImportColumns.bind(null, batch.id)}
        type={batch.recordType}
        types={recordTypes.map((type) => ({ value: type, label: recordTypeLabels[type][locale] }))}
        columns={columns}
        fields={importFields[batch.recordType].map((field) => ({
          value: field.name,
          label: field.label[locale],
          required: field.required,
        }))}
      />
    </Section>
  );
}

/** What the import would do, before anything is written; the decisions asked for; the commit. */
async function Preview({ batch }: { batch: BatchSummary }) {
  const [t, locale, rows] = await Promise.all([getTranslations("importPage"), getLocale().then(toLocale), batchRows(batch.id)]);
  const of = (action: string) => rows.filter((row) => row.action === action);
  const decide = of("decide").slice(0, 100);
  const translate = messageTranslator(locale);
  const counts = batch.counts;
  const writes = (counts.created ?? 0) + (counts.updated ?? 0);
  return (
    <Section title={t("previewTitle")} id="preview">
      <p className="mb-4 max-w-3xl">{t("previewLead")}</p>
      <CountsTable counts={counts} />
      {(counts.refused ?? 0) > 0 && (
        <Notice tone="error">
          <p className="font-bold">{t("refusedNotice", { count: counts.refused ?? 0 })}</p>
          <p>
            <a href={paths.staff.importReport(batch.id, { lang: locale })} download>
              {t("downloadReport")}
            </a>
          </p>
        </Notice>
      )}
      {decide.length > 0 && (
        <section className="mt-8" aria-labelledby="rows-decide">
          <h3 id="rows-decide" className="mb-2 text-xl font-bold">
            {t("lists.decide", { count: counts.decide ?? 0 })}
          </h3>
          <p className="mb-4 max-w-3xl">{t("decideLead")}</p>
          <DecisionsForm
            action={decideImportRows.bind(null, batch.id)}
            rows={decide.map((row) => {
              const decision = batch.mapping.decisions?.[row.row];
              return {
                row: row.row,
                label: row.label ?? "",
                reason: (row.issues ?? []).map((issue) => issueLine(issue, translate)).join(" "),
                candidates: (row.candidates ?? []).map((candidate) => ({
                  value: `update:${candidate.id}`,
                  label: [candidate.name, candidate.region, candidate.registrationNumber].filter(Boolean).join(", "),
                })),
                choice: decision ? (decision.action === "update" ? `update:${decision.id}` : decision.action) : "",
              };
            })}
          />
        </section>
      )}
      <RowList kind="refused" rows={of("refused")} />
      <RowList kind="updated" rows={of("update")} />
      <RowList kind="created" rows={of("create")} />
      <section className="mt-10 max-w-3xl" aria-labelledby="commit">
        <h3 id="commit" className="mb-2 text-xl font-bold">
          {t("commitTitle")}
        </h3>
        {(counts.decide ?? 0) > 0 ? (
          <p>{t("decideFirst", { count: counts.decide ?? 0 })}</p>
        ) : writes === 0 ? (
          <p>{t("nothingToWrite")}</p>
        ) : (
          <ButtonForm
            action={commitImport.bind(null, batch.id)}
            hint={t("commitHint", { refused: counts.refused ?? 0 })}
            submitLabel={t("commit", { created: counts.created ?? 0, updated: counts.updated ?? 0 })}
          />
        )}
        <div className="mt-6">
          <ButtonForm action={cancelImport.bind(null, batch.id)} hint={t("discardHint")} submitLabel={t("discard")} warning />
        </div>
      </section>
    </Section>
  );
}

/** A commit under way: its progress bar, and the cancel. */
async function Running({ batch }: { batch: BatchSummary }) {
  const [t, progress] = await Promise.all([getTranslations("importPage"), batchProgress(batch.id)]);
  return (
    <Section title={t("progressTitle")} id="progress">
      <ImportProgress
        url={paths.staff.importProgress(batch.id)}
        initial={progress ?? { status: batch.status, rowsDone: batch.rowsDone, rowsTotal: batch.rowsTotal, secondsLeft: null }}
      />
      <p className="my-4 max-w-3xl">
        {t("progressLead")} <Link href={paths.staff.importBatch(batch.id)}>{t("refresh")}</Link>
      </p>
      <ButtonForm action={cancelImport.bind(null, batch.id)} hint={t("cancelHint")} submitLabel={t("cancel")} warning />
    </Section>
  );
}

/** How the import ended, what it wrote, and its undo (or what the undo did). */
async function Outcome({ batch, canUndo }: { batch: BatchSummary; canUndo: boolean }) {
  const [t, tErrors, locale, { records, total }, leftAlone] = await Promise.all([
    getTranslations("importPage"),
    getTranslations("errors"),
    getLocale(),
    writtenRecords(batch.id, 50),
    batch.status === "undone" ? undoLeftAlone(batch.id) : Promise.resolve([]),
  ]);
  const failure =
    batch.status === "failed" ? failedReason(batch.error ?? "", (key) => (tErrors.has(key) ? tErrors(key, { value: "" }) : key)) : null;
  return (
    <Section title={t("outcomeTitle")} id="outcome">
      {batch.status === "committed" && (
        <Notice tone="success">
          <p className="font-bold">{t("committed", { count: total })}</p>
          <p>{t("committedLead")}</p>
        </Notice>
      )}
      {batch.status === "cancelled" && (
        <Notice>
          <p className="font-bold">{t("cancelled", { count: total })}</p>
        </Notice>
      )}
      {failure && (
        <Notice tone="error">
          <p className="font-bold">{failure.row ? t("failedAt", { row: failure.row }) : t("failed")}</p>
          <p>{failure.text}</p>
          <p>{t("failedLead", { count: total })}</p>
        </Notice>
      )}
      {batch.status === "undone" && (
        <Notice>
          <p className="font-bold">
            {t("undone", {
              person: batch.undoneBy?.name ?? "",
              when: batch.undoneAt ? formatMoment(locale, batch.undoneAt) : "",
            })}
          </p>
          {leftAlone.length > 0 && <p>{t("leftAlone", { rows: leftAlone.join(", ") })}</p>}
        </Notice>
      )}
      <WrittenList records={records} total={total} />
      {canUndo && total > 0 && (
        <div className="mt-8">
          <ButtonForm action={undoImport.bind(null, batch.id)} hint={t("undoHint")} submitLabel={t("undo")} warning />
        </div>
      )}
    </Section>
  );
}

/** A failed commit's reason as the batch keeps it ("row 57: recordArchived; regionId: recordMissing"), for people. */
function failedReason(error: string, text: (key: string) => string): { row: string | null; text: string } {
  const match = /^row (\d+): (.*)$/s.exec(error);
  const parts = (match ? match[2]! : error).split("; ");
  const readable = parts.map((part) => {
    const [field, messages] = part.includes(": ") ? part.split(": ", 2) : [null, part];
    const said = messages!
      .split(", ")
      .map((key) => text(key.split("|")[0]!))
      .join(" ");
    return field ? `${field}: ${said}` : said;
  });
  return { row: match ? match[1]! : null, text: readable.join(" ") };
}
