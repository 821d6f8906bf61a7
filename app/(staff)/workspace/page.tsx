import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FilterForm, SelectFilter } from "@/components/ui/filter-form";
import { InputFilter } from "@/components/ui/input-filter";
import { Pagination } from "@/components/ui/pagination";
import { Muted } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { RecentChanges } from "@/components/workspace/recent-changes";
import { localized } from "@/lib/i18n/localize";
import { paths, staffRecordTypes } from "@/lib/paths";
import { requireStaffPage } from "@/lib/auth/session";
import { CommitmentList } from "@/components/commitments/commitment-list";
import { listCommitments, trackerToday } from "@/lib/commitments/tracker";
import { toLocale } from "@/lib/i18n/locale";
import { FinderParamsSchema, findStaffRecords, listOwnRecentWork } from "@/lib/workspace/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("workspace"))("title") };
}

/** The staff front page: add a record, find one to edit (archived ones too), and the latest changes. */
export default async function WorkspacePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireStaffPage();
  const params = FinderParamsSchema.parse(await searchParams);
  const locale = toLocale(await getLocale());
  // Commitments still open and due within a month, the overdue ones first: what an official should chase.
  const dueTo = new Date(Date.parse(`${trackerToday()}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  const [t, tUsers, tImport, found, recent, due] = await Promise.all([
    getTranslations("workspace"),
    getTranslations("users"),
    getTranslations("importPage"),
    findStaffRecords(params),
    listOwnRecentWork(user.id, 10),
    listCommitments({ open: true, dueTo, perPage: 5 }, locale),
  ]);
  const query = { type: params.type, q: params.q || undefined, archived: params.archived === "all" ? undefined : params.archived };
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <p className="mb-6">{t("signedInAs", { name: user.name, role: t(`roles.${user.role}`) })}</p>
      <Section title={t("add")} id="add">
        <ul className="flex flex-wrap gap-3">
          {staffRecordTypes.map((type) => (
            <li key={type}>
              <Link href={paths.staff.newRecord(type)} className="button inline-block text-white! no-underline">
                {t(`newRecord.${type}`)}
              </Link>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={tImport("title")} id="import">
        <p>
          <Link href={paths.staff.imports()}>{tImport("workspaceLink")}</Link>
        </p>
      </Section>
      <Section title={t("briefing")} id="briefing">
        <p>
          <Link href={paths.staff.briefing()}>{t("briefingLink")}</Link>
        </p>
      </Section>
      <Section title={t("find")} id="find">
        <FilterForm
          action={paths.staff.home()}
          label={t("findLabel")}
          applyLabel={t("findSubmit")}
          clearLabel={t("clear")}
          clearHref={params.q || params.archived !== "all" ? paths.staff.home() : undefined}
        >
          <SelectFilter
            name="type"
            label={t("type")}
            value={params.type}
            options={staffRecordTypes.map((type) => ({ value: type, label: t(`records.${type}`) }))}
          />
          <InputFilter id="finder-q" name="q" type="search" label={t("query")} hint={t("queryHint")} value={params.q} maxLength={200} />
          <SelectFilter
            name="archived"
            label={t("state")}
            value={params.archived}
            options={(["all", "live", "archived"] as const).map((state) => ({ value: state, label: t(`states.${state}`) }))}
          />
        </FilterForm>
        {found.total === 0 ? (
          <Muted>{t("noneFound")}</Muted>
        ) : (
          <>
            <Table
              caption={t("found")}
              hideCaption
              columns={[{ label: t("record") }, { label: t("state") }, { label: t("actions") }]}
              rows={found.items.map((record) => {
                const name = localized(locale, record.titleEn, record.titleRu);
                return [
                  <>
                    <Link href={paths.staff.edit(params.type, record.id)}>{name}</Link>
                    {record.context && <span className="block text-base text-muted">{record.context}</span>}
                  </>,
                  record.archived ? <Tag>{t("archivedTag")}</Tag> : <Tag tone="green">{t("live")}</Tag>,
                  <Link key="history" href={paths.staff.history(params.type, record.id)} aria-label={t("historyLabel", { name })}>
                    {t("history")}
                  </Link>,
                ];
              })}
            />
            <Pagination page={found} href={(page) => paths.staff.home({ ...query, page })} />
          </>
        )}
      </Section>
      <Section title={t("due")} id="due">
        {due.total === 0 ? <Muted>{t("noneDue")}</Muted> : <CommitmentList items={due.items} headingLevel={3} />}
        <p className="mt-4">
          <Link href={paths.commitments({ open: 1, dueTo })}>{t("dueLink", { count: due.total })}</Link>
        </p>
      </Section>
      <Section title={t("recent")} id="recent">
        <RecentChanges events={recent} />
        {user.role === "admin" && (
          <p className="mt-4">
            <Link href={paths.staff.activity()}>{t("activityLink")}</Link>
          </p>
        )}
        {user.role === "admin" && (
          <p className="mt-2">
            <Link href={paths.staff.users()}>{tUsers("manageLink")}</Link>
          </p>
        )}
      </Section>
    </>
  );
}
