import { getTranslations } from "next-intl/server";
import { DayFilter } from "@/components/ui/day-filter";
import { FilterForm, SelectFilter } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { Muted, Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { RecentChanges } from "@/components/workspace/recent-changes";
import { accountVerbs, auditEntityTypes, auditVerbs } from "@/lib/audit";
import { paths } from "@/lib/paths";
import { requireStaffPage } from "@/lib/auth/session";
import { ActivityParamsSchema, listActivity, listStaffPeople } from "@/lib/workspace/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("history"))("activityTitle") };
}

/** The admins' log of everyone's changes, filtered by person, record type, action and dates, paged. */
export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireStaffPage();
  const t = await getTranslations("history");
  if (user.role !== "admin") {
    return (
      <>
        <PageHeading>{t("activityTitle")}</PageHeading>
        <Notice tone="error">{t("adminOnly")}</Notice>
      </>
    );
  }
  const params = ActivityParamsSchema.parse(await searchParams);
  const [activity, people] = await Promise.all([listActivity(params), listStaffPeople()]);
  const filters = { person: params.person, type: params.type, verb: params.verb, from: params.from, to: params.to };
  const filtered = Object.values(filters).some((value) => value !== undefined);
  return (
    <>
      <PageHeading lead={t("activityLead")}>{t("activityTitle")}</PageHeading>
      <FilterForm
        action={paths.staff.activity()}
        label={t("activityTitle")}
        applyLabel={t("filter")}
        clearLabel={t("clear")}
        clearHref={filtered ? paths.staff.activity() : undefined}
      >
        <SelectFilter
          name="person"
          label={t("person")}
          value={params.person}
          anyLabel={t("any")}
          options={people.map((person) => ({ value: String(person.id), label: `${person.name} (${person.email})` }))}
        />
        <SelectFilter
          name="type"
          label={t("recordType")}
          value={params.type}
          anyLabel={t("any")}
          options={auditEntityTypes.map((type) => ({ value: type, label: t(`types.${type}`) }))}
        />
        <SelectFilter
          name="verb"
          label={t("action")}
          value={params.verb}
          anyLabel={t("any")}
          options={[...auditVerbs, ...accountVerbs].map((verb) => ({ value: verb, label: t(`verbs.${verb}`) }))}
        />
        <DayFilter name="from" label={t("from")} value={params.from} />
        <DayFilter name="to" label={t("to")} value={params.to} />
      </FilterForm>
      {activity.total === 0 ? <Muted>{t("activityEmpty")}</Muted> : <RecentChanges events={activity.items} />}
      <Pagination page={activity} href={(page) => paths.staff.activity({ ...filters, page })} />
    </>
  );
}
