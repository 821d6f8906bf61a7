import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { BatchStatusTag } from "@/components/import/batch-parts";
import { requireStaffPage } from "@/lib/auth/session";
import { importFileBytes } from "@/lib/http/body-size";
import { toLocale } from "@/lib/i18n/locale";
import { recordTypeLabels, recordTypes } from "@/lib/import/fields";
import { uploadMessageKeys } from "@/lib/import/messages";
import { READ_LIMITS } from "@/lib/import/read";
import { listBatches } from "@/lib/import/workspace";
import { paths } from "@/lib/paths";
import { formatMoment } from "@/lib/i18n/dates";

export async function generateMetadata() {
  return { title: (await getTranslations("importPage"))("title") };
}

/** Why the last upload was refused, as the upload route sends the official back: a known key and its values only. */
const UploadErrorSchema = z.object({
  error: z
    .enum([...uploadMessageKeys, "fileMissing", "unavailable"])
    .optional()
    .catch(undefined),
  limit: z
    .string()
    .regex(/^\d{1,9}$/)
    .optional()
    .catch(undefined),
  row: z
    .string()
    .regex(/^\d{1,9}$/)
    .optional()
    .catch(undefined),
  rows: z
    .string()
    .regex(/^\d{1,9}$/)
    .optional()
    .catch(undefined),
  column: z
    .string()
    .regex(/^[A-Z]{1,3}$/)
    .optional()
    .catch(undefined),
  last: z
    .string()
    .regex(/^[A-Z]{1,3}$/)
    .optional()
    .catch(undefined),
});

/** The import's front page: upload a spreadsheet, download a template, and the latest imports. */
export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaffPage();
  const { error, ...values } = UploadErrorSchema.parse(await searchParams);
  const [t, tImport, format, locale, batches] = await Promise.all([
    getTranslations("importPage"),
    getTranslations("import"),
    getFormatter(),
    getLocale().then(toLocale),
    listBatches(20),
  ]);
  const errorText = !error
    ? null
    : error === "fileMissing"
      ? t("fileMissing")
      : error === "unavailable"
        ? t("unavailable")
        : tImport(error, { limit: "", row: "", rows: "", column: "", last: "", ...values });
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      {errorText && (
        <Notice tone="error">
          <h2 className="text-xl font-bold">{t("uploadRefused")}</h2>
          <p>{errorText}</p>
        </Notice>
      )}
      <Section title={t("uploadTitle")} id="upload">
        <form method="post" action={paths.staff.importUpload()} encType="multipart/form-data" className="max-w-3xl">
          <label htmlFor="import-file" className="block font-bold">
            {t("fileLabel")}
          </label>
          <p id="import-file-hint" className="text-muted">
            {t("fileHint", { megabytes: importFileBytes / 1024 / 1024, rows: READ_LIMITS.maxDataRows })}
          </p>
          <input
            id="import-file"
            name="file"
            type="file"
            required
            accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-file-hint"
            className="my-3 block"
          />
          <button type="submit" className="button">
            {t("upload")}
          </button>
        </form>
        <p className="mt-4 max-w-3xl">{t("nothingYet")}</p>
      </Section>
      <Section title={t("templatesTitle")} id="templates">
        <p className="mb-4 max-w-3xl">{t("templatesLead")}</p>
        <Table
          caption={t("templatesTitle")}
          hideCaption
          columns={[{ label: t("recordType") }, { label: t("download") }]}
          rows={recordTypes.map((type) => [
            recordTypeLabels[type][locale],
            <span key="links" className="flex flex-wrap gap-x-6">
              <a href={paths.staff.importTemplate({ type, lang: "ru" })} download>
                {t("templateIn", { type: recordTypeLabels[type][locale], language: t("russian") })}
              </a>
              <a href={paths.staff.importTemplate({ type, lang: "en" })} download>
                {t("templateIn", { type: recordTypeLabels[type][locale], language: t("english") })}
              </a>
            </span>,
          ])}
        />
      </Section>
      <Section title={t("recentTitle")} id="recent">
        {batches.length === 0 ? (
          <p>{t("recentEmpty")}</p>
        ) : (
          <Table
            caption={t("recentTitle")}
            hideCaption
            columns={[{ label: t("file") }, { label: t("recordType") }, { label: t("status") }, { label: t("by") }, { label: t("rows") }]}
            rows={batches.map((batch) => [
              <>
                <Link href={paths.staff.importBatch(batch.id)}>{batch.fileName}</Link>
                {batch.sheetName && <span className="block text-base text-muted">{t("sheetNamed", { sheet: batch.sheetName })}</span>}
              </>,
              recordTypeLabels[batch.recordType][locale],
              <BatchStatusTag key="status" status={batch.status} />,
              <>
                {batch.author.name}
                <span className="block text-base text-muted">
                  <time dateTime={batch.createdAt.toISOString()}>{formatMoment(locale, batch.createdAt)}</time>
                </span>
              </>,
              <span key="rows" className="tabular">
                {format.number(batch.rowsTotal)}
              </span>,
            ])}
          />
        )}
      </Section>
    </>
  );
}
