import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { EntityLinkEditor } from "@/components/meetings/entity-link-editor";
import { OrganizationPartners } from "@/components/organizations/organization-partners";
import { OrganizationSummary } from "@/components/organizations/organization-summary";
import { MeetingTimeline } from "@/components/timeline";
import { DemoTag } from "@/components/ui/demo-tag";
import { PublicHistoryLink } from "@/components/workspace/public-history";
import { PageHeading } from "@/components/ui/page-heading";
import { localized } from "@/lib/i18n/localize";
import { getOrganizationPage } from "@/lib/organizations/queries";
import { SlugSchema } from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";
import { getCurrentUser } from "@/lib/auth/session";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  // A slug that cannot exist never reaches the database (a NUL would make it answer with an error).
  const slug = SlugSchema.safeParse((await params).slug);
  if (!slug.success) return {};
  const [org, locale] = await Promise.all([getOrganizationPage(slug.data), getLocale()]);
  return { title: org ? localized(locale, org.nameEn, org.name) : undefined };
}

export default async function OrganizationPage({ params }: Props) {
  const slugParam = SlugSchema.safeParse((await params).slug);
  if (!slugParam.success) notFound();
  const slug = slugParam.data;
  const [org, user, t, locale] = await Promise.all([
    getOrganizationPage(slug),
    getCurrentUser(),
    getTranslations("organizations"),
    getLocale(),
  ]);
  if (!org) notFound();

  return (
    <>
      <PageHeading
        caption={
          <>
            {t(`kinds.${org.kind}`)} {org.isDemo && <DemoTag />}
          </>
        }
      >
        {localized(locale, org.nameEn, org.name)}
      </PageHeading>
      <OrganizationSummary org={org} />
      <OrganizationPartners org={org} />
      <MeetingTimeline entries={org.timeline} total={org.timelineTotal} allHref={paths.meetings({ organization: org.slug })} />
      <PublicHistoryLink href={paths.organizationHistory(org.slug)} updatedAt={org.updatedAt} />
      {user && (
        <EntityLinkEditor
          entity={{ type: "organization", id: org.id }}
          name={localized(locale, org.nameEn, org.name)}
          editHref={paths.staff.edit("organizations", org.id)}
        />
      )}
      <DataSource />
    </>
  );
}
