import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Tag } from "@/components/ui/tag";
import { paths, type StaffRecordType } from "@/lib/paths";

/** The way back to the workspace, and the page's heading under the name of its record type. */
export async function RecordHeading({ type, children }: { type: StaffRecordType; children: ReactNode }) {
  const t = await getTranslations("workspace");
  return (
    <>
      <p className="mb-4">
        <Link href={paths.staff.home()}>{t("title")}</Link>
      </p>
      <PageHeading caption={t(`records.${type}`)}>{children}</PageHeading>
    </>
  );
}

/** What a staff edit page shows above its form: the title, the archived state, the outcome of the last save, and links. */
export async function RecordHeader({
  type,
  id,
  title,
  archived,
  saved,
  publicPath,
}: {
  type: StaffRecordType;
  id: number;
  title: string;
  archived: boolean;
  /** `?saved=` after a redirect from a save: created, updated, archived or restored. */
  saved?: string;
  /** The record's public page, while it is live. */
  publicPath?: string;
}) {
  const t = await getTranslations("workspace");
  const tErrors = await getTranslations("errors");
  const outcome = { created: t("createdNotice"), updated: t("savedNotice"), archived: tErrors("archived"), restored: tErrors("restored") }[
    saved ?? ""
  ];
  return (
    <>
      <RecordHeading type={type}>
        {title} {archived && <Tag tone="grey">{t("archive")}</Tag>}
      </RecordHeading>
      {outcome && <Notice tone="success">{outcome}</Notice>}
      {archived && <Notice>{t("archivedNotice")}</Notice>}
      <ul className="mb-8 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link href={paths.staff.history(type, id)}>{t("history")}</Link>
        </li>
        {publicPath && !archived && (
          <li>
            <Link href={publicPath}>{t("viewPublic")}</Link>
          </li>
        )}
      </ul>
    </>
  );
}
