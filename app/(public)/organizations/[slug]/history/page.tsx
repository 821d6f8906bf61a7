import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { Pagination } from "@/components/ui/pagination";
import { PageHeading } from "@/components/ui/page-heading";
import { PublicHistory } from "@/components/workspace/public-history";
import { localized } from "@/lib/i18n/localize";
import { getOrganizationPage } from "@/lib/organizations/queries";
import { SlugSchema } from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";
import { HistoryParamsSchema, listPublicHistory } from "@/lib/workspace/queries";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("history"))("publicTitle") };
}

/** What changed in an organization's record and when: public fields only, no one named. */
export default async function OrganizationHistoryPage({ params, searchParams }: Props) {
  const slug = SlugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const [org, locale, t, query] = await Promise.all([
    getOrganizationPage(slug.data),
    getLocale(),
    getTranslations("history"),
    searchParams,
  ]);
  if (!org) notFound();
  const page = HistoryParamsSchema.parse(query);
  const history = await listPublicHistory("organization", org.id, page);
  const name = localized(locale, org.nameEn, org.name);
  return (
    <>
      <PageHeading caption={<Link href={paths.organization(org.slug)}>{name}</Link>} lead={t("publicLead")}>
        {t("publicTitle")}
      </PageHeading>
      <PublicHistory events={history.items} entityType="organization" />
      <Pagination page={history} href={(n) => paths.organizationHistory(org.slug, { page: n })} />
      <DataSource />
    </>
  );
}
