import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { allOperations, operations } from "@/lib/api/operations";
import { getRegistryUpdatedAt } from "@/lib/dashboard/queries";
import { readSqlPool } from "@/lib/db/pg";
import { latestDump } from "@/lib/dump/store";
import { env } from "@/lib/env";
import { formatDay, formatMoment } from "@/lib/i18n/dates";
import { paths } from "@/lib/paths";

export async function generateMetadata() {
  return { title: (await getTranslations("openData"))("title") };
}

/** Under what licence the registry's data may be reused, when it last changed, and every way to take it out. */
export default async function OpenDataPage() {
  const [t, locale, format, updatedAt, dump] = await Promise.all([
    getTranslations("openData"),
    getLocale(),
    getFormatter(),
    getRegistryUpdatedAt(),
    // Not cached: a rebuild completes without a write, and this is one row by its index.
    latestDump(readSqlPool()),
  ]);
  const licence = env().DATA_LICENCE;
  const downloads = allOperations().filter(
    (operation) => (operation.download || operation.contentType === "text/csv") && operation !== operations.downloadDump,
  );
  // Kilobytes for the demo's few records, megabytes for a real registry, in the reader's notation.
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? format.number(Math.max(1, Math.round(bytes / 1024)), { style: "unit", unit: "kilobyte" })
      : format.number(bytes / 1024 / 1024, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
  const lists = allOperations().filter((operation) => !operation.download && operation.contentType !== "text/csv");
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <Section title={t("licenceTitle")} id="licence">
        <p className="max-w-3xl">{t("licenceText", { licence })}</p>
        <p className="mt-2 max-w-3xl">{t("attribution")}</p>
        {updatedAt && <p className="mt-2 max-w-3xl">{t("updatedAt", { date: formatDay(locale, updatedAt) })}</p>}
      </Section>
      <Section title={t("changesTitle")} id="changes">
        <p className="max-w-3xl">{t("changesText")}</p>
        <p className="mt-2">
          <code>{operations.listChanges.path}?since=2026-12-01T00:00:00Z</code>
        </p>
      </Section>
      <Section title={t("dumpTitle")} id="dump">
        <p className="max-w-3xl">{t("dumpText")}</p>
        {dump ? (
          <>
            <p className="mt-4 text-lg">
              <a href={paths.api.dump()} download>
                {t("dumpLink", { size: size(dump.sizeBytes) })}
              </a>
            </p>
            <p className="mt-2 max-w-3xl">{t("dumpBuilt", { moment: formatMoment(locale, dump.completedAt) })}</p>
          </>
        ) : (
          <p className="mt-4 max-w-3xl">{t("dumpPending")}</p>
        )}
      </Section>
      <Section title={t("downloadsTitle")} id="downloads">
        <p className="mb-4 max-w-3xl">{t("downloadsText")}</p>
        <Table
          caption={t("downloadsTitle")}
          hideCaption
          columns={[{ label: t("address") }, { label: t("what") }]}
          rows={downloads.map((operation) => [<code key="p">{operation.path}</code>, operation.summary])}
        />
      </Section>
      <Section title={t("apiTitle")} id="api">
        <p className="mb-4 max-w-3xl">
          {t("apiText")} <a href={paths.api.openapi()}>{t("apiDocument")}</a>
        </p>
        <Table
          caption={t("apiTitle")}
          hideCaption
          columns={[{ label: t("address") }, { label: t("what") }]}
          rows={lists.map((operation) => [<code key="p">{operation.path}</code>, operation.summary])}
        />
      </Section>
    </>
  );
}
