import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PublicHistoryPage } from "@/components/workspace/public-history";
import { localized } from "@/lib/i18n/localize";
import { getOrganizationPage } from "@/lib/organizations/queries";
import { SlugSchema } from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("history"))("publicTitle") };
}

/** What changed in an organization's record and when: public fields only, no one named. */
export default async function OrganizationHistoryPage({ params, searchParams }: Props) {
  const slug = SlugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const [org, locale, query] = await Promise.all([getOrganizationPage(slug.data), getLocale(), searchParams]);
  if (!org) notFound();
  return (
    <PublicHistoryPage
      type="organization"
      id={org.id}
      name={localized(locale, org.nameEn, org.name)}
      recordHref={paths.organization(org.slug)}
      pageHref={(page) => paths.organizationHistory(org.slug, { page })}
      searchParams={query}
    />
  );
}
