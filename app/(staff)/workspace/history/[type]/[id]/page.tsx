import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Pagination } from "@/components/ui/pagination";
import { PageHeading } from "@/components/ui/page-heading";
import { HistoryList } from "@/components/workspace/history-list";
import { RecordId } from "@/lib/actions/fields";
import { paths, staffRecordTypes, type StaffRecordType } from "@/lib/paths";
import { requireStaffPage } from "@/lib/auth/session";
import { auditTypeOf, HistoryParamsSchema, listHistory } from "@/lib/workspace/queries";

type Props = { params: Promise<{ type: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("history"))("titlePlain") };
}

/** One record's history, for staff: archived records included, since staff reach them too. */
export default async function HistoryPage({ params, searchParams }: Props) {
  await requireStaffPage();
  const { type, id: rawId } = await params;
  const id = RecordId.safeParse(rawId);
  if (!id.success || !(staffRecordTypes as readonly string[]).includes(type)) notFound();
  const recordType = type as StaffRecordType;
  const query = HistoryParamsSchema.parse(await searchParams);
  const [t, history] = await Promise.all([getTranslations("history"), listHistory(auditTypeOf[recordType], id.data, query)]);
  const name = history.items.find((event) => event.title)?.title;
  return (
    <>
      <p className="mb-4">
        <Link href={paths.staff.edit(recordType, id.data)}>{t("backToRecord")}</Link>
      </p>
      <PageHeading lead={t("lead")}>{name ? t("title", { name }) : t("titlePlain")}</PageHeading>
      <HistoryList events={history.items} />
      <Pagination page={history} href={(page) => paths.staff.history(recordType, id.data, { page })} />
    </>
  );
}
