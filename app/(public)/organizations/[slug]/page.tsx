import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { EntityLinkEditor } from "@/components/meetings/entity-link-editor";
import { OrganizationPartners } from "@/components/organizations/organization-partners";
import { MeetingTimeline } from "@/components/timeline";
import { DemoTag } from "@/components/ui/demo-tag";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
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
  const [org, user, t, format, locale] = await Promise.all([
    getOrganizationPage(slug),
    getCurrentUser(),
    getTranslations("organizations"),
    getFormatter(),
    getLocale(),
  ]);
  if (!org) notFound();
  const regionName = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  const registrationLabel =
    org.country.code === "BY" ? t("registrationNumberBY") : org.country.code === "RU" ? t("registrationNumberRU") : t("registrationNumber");

  const rows: [ReactNode, ReactNode][] = [
    [t("kind"), t(`kinds.${org.kind}`)],
    [t("status"), t(`statuses.${org.status}`)],
    [
      t("registeredName"),
      <span key="n" lang="ru">
        {org.name}
      </span>,
    ],
  ];
  if (org.nameEn)
    rows.push([
      t("englishName"),
      <span key="e" lang="en">
        {org.nameEn}
      </span>,
    ]);
  if (org.otherNames.length > 0) rows.push([t("otherNames"), org.otherNames.join("; ")]);
  rows.push([
    t("region"),
    <Link key="r" href={paths.region(org.region.slug)}>
      {regionName(org.region)}
    </Link>,
  ]);
  rows.push([t("country"), regionName(org.country)]);
  rows.push([
    t("sectors"),
    <ul key="s">
      {org.sectors.map(({ sector, isPrimary }) => (
        <li key={sector.code}>
          <Link href={paths.sector(sector.code)}>
            <span className="tabular">{sector.code}</span> {localized(locale, sector.nameEn, sector.nameRu)}
          </Link>
          {isPrimary && <span className="text-muted"> ({t("primary")})</span>}
        </li>
      ))}
    </ul>,
  ]);
  if (org.foundedYear) rows.push([t("foundedYear"), org.foundedYear]);
  if (org.registrationNumber)
    rows.push([
      registrationLabel,
      <span key="rn" className="tabular">
        {org.registrationNumber}
      </span>,
    ]);
  if (org.website)
    rows.push([
      t("website"),
      <a key="w" href={org.website}>
        {org.website}
      </a>,
    ]);
  if (org.capitalAmount !== null && org.capitalCurrency)
    rows.push([
      t("capital"),
      format.number(org.capitalAmount, { style: "currency", currency: org.capitalCurrency, maximumFractionDigits: 0 }),
    ]);
  if (org.products) rows.push([t("products"), org.products]);
  if (org.fieldsOfStudy.length > 0) rows.push([t("fieldsOfStudy"), org.fieldsOfStudy.join("; ")]);
  const description = localized(locale, org.descriptionEn, org.descriptionRu);
  if (description) rows.push([t("description"), description]);

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
      <SummaryList rows={rows} />
      <OrganizationPartners org={org} />
      <MeetingTimeline entries={org.timeline} total={org.timelineTotal} allHref={paths.meetings({ organization: org.slug })} />
      {user && (
        <EntityLinkEditor
          entity={{ type: "organization", id: org.id }}
          name={localized(locale, org.nameEn, org.name)}
          editHref={paths.staff.edit("organizations", org.id)}
        />
      )}
    </>
  );
}
