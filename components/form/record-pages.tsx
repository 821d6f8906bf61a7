import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ArchiveForm } from "@/components/workspace/archive-form";
import { RecordHeader, RecordHeading } from "@/components/workspace/record-header";
import { RecordId } from "@/lib/actions/fields";
import type { FormState } from "@/lib/actions/form-state";
import { requireStaffPage } from "@/lib/auth/session";
import { toLocale, type Locale } from "@/lib/i18n/locale";
import type { StaffRecordType } from "@/lib/paths";

/**
 * The new and the edit page of the five record types (regions, organizations, meetings, commitments, trade
 * figures), said once: each page file gives what is its own (how to read the record, its title, its form)
 * and exports the page and its title from here.
 */

/** The catalogue of each record type's form, where its pages' titles are. */
const catalogues = {
  regions: "editRegion",
  organizations: "editOrganization",
  meetings: "editMeeting",
  commitments: "editCommitment",
  trade: "editTrade",
} as const satisfies Record<StaffRecordType, string>;

type Query = Record<string, string | string[] | undefined>;

/** The new page: the heading under the record type's name, and the empty form, which may read the page's query. */
export function newRecordPage(page: {
  type: StaffRecordType;
  form: (context: { locale: Locale; query: Query }) => ReactNode | Promise<ReactNode>;
}) {
  async function generateMetadata(): Promise<Metadata> {
    return { title: (await getTranslations(catalogues[page.type]))("newTitle") };
  }
  async function NewRecordPage({ searchParams }: { searchParams: Promise<Query> }) {
    await requireStaffPage();
    const [t, locale, query] = await Promise.all([getTranslations(catalogues[page.type]), getLocale(), searchParams]);
    return (
      <>
        <RecordHeading type={page.type}>{t("newTitle")}</RecordHeading>
        {await page.form({ locale: toLocale(locale), query })}
      </>
    );
  }
  return { generateMetadata, NewRecordPage };
}

type EditableRecord = { id: number; archived: boolean; version: number };
type RecordAction = (id: number, previous: FormState, formData: FormData) => Promise<FormState>;
type EditPageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

/**
 * The edit page: the id from the URL (anything but a record id is a 404), the record as `read` finds it (a
 * per-request cached read: the title and the page share it), the header with the outcome of the last save and
 * the links to its history and public page, the form while the record is live, and archive or restore.
 */
export function editRecordPage<Record extends EditableRecord>(page: {
  type: StaffRecordType;
  read: (id: number, locale: Locale) => Promise<Record | null>;
  title: (record: Record, locale: Locale) => string | Promise<string>;
  /** The record's public page, where it has one. */
  publicPath: (record: Record) => string | undefined;
  archive: RecordAction;
  restore: RecordAction;
  form: (record: Record, locale: Locale) => ReactNode | Promise<ReactNode>;
}) {
  async function find(params: EditPageProps["params"]) {
    const id = RecordId.safeParse((await params).id);
    if (!id.success) return null;
    const locale = toLocale(await getLocale());
    const record = await page.read(id.data, locale);
    return record && { record, locale };
  }
  async function generateMetadata({ params }: Pick<EditPageProps, "params">): Promise<Metadata> {
    const found = await find(params);
    return { title: found ? await page.title(found.record, found.locale) : undefined };
  }
  async function EditRecordPage({ params, searchParams }: EditPageProps) {
    await requireStaffPage();
    const [found, { saved }] = await Promise.all([find(params), searchParams]);
    if (!found) notFound();
    const { record, locale } = found;
    return (
      <>
        <RecordHeader
          type={page.type}
          id={record.id}
          title={await page.title(record, locale)}
          archived={record.archived}
          saved={saved}
          publicPath={page.publicPath(record)}
        />
        {!record.archived && (await page.form(record, locale))}
        <ArchiveForm
          action={(record.archived ? page.restore : page.archive).bind(null, record.id)}
          version={record.version}
          archived={record.archived}
        />
      </>
    );
  }
  return { generateMetadata, EditRecordPage };
}
