import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { EntityLinkEditor } from "@/components/meetings/entity-link-editor";
import { OrganizationTable } from "@/components/organizations/organization-table";
import { PartnerMap } from "@/components/map/partner-map";
import { RegionPartners } from "@/components/regions/region-partners";
import { RegionTrade } from "@/components/regions/region-trade";
import { MeetingTimeline } from "@/components/timeline";
import { Muted } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { SummaryList } from "@/components/ui/summary-list";
import { PublicHistoryLink } from "@/components/workspace/public-history";
import { localized } from "@/lib/i18n/localize";
import { toLocale } from "@/lib/i18n/locale";
import { toMeasure } from "@/lib/map/shading";
import { listOrganizations } from "@/lib/organizations/queries";
import { SlugSchema } from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";
import { listRegionPartners } from "@/lib/regions/pair";
import { getRegionPage } from "@/lib/regions/queries";
import { getCurrentUser } from "@/lib/auth/session";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ measure?: string | string[] }> };

/** A region page names its first organizations; the organizations list, filtered to the region, has the rest. */
const REGION_ORGANIZATIONS = 10;

export async function generateMetadata({ params }: Props) {
  // A slug that cannot exist never reaches the database (a NUL would make it answer with an error).
  const slug = SlugSchema.safeParse((await params).slug);
  if (!slug.success) return {};
  const [region, locale] = await Promise.all([getRegionPage(slug.data), getLocale()]);
  return { title: region ? localized(locale, region.nameEn, region.nameRu) : undefined };
}

export default async function RegionPage({ params, searchParams }: Props) {
  const slugParam = SlugSchema.safeParse((await params).slug);
  if (!slugParam.success) notFound();
  const slug = slugParam.data;
  const locale = toLocale(await getLocale());
  const [region, user, organizations, t, to, format] = await Promise.all([
    getRegionPage(slug),
    getCurrentUser(),
    listOrganizations({ region: slug, sort: "name-asc", page: 1, perPage: REGION_ORGANIZATIONS }, locale),
    getTranslations("regions"),
    getTranslations("organizations"),
    getFormatter(),
  ]);
  if (!region) notFound();
  const [partners, measure] = await Promise.all([listRegionPartners(region.id), searchParams.then((query) => toMeasure(query.measure))]);
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  const rows: [ReactNode, ReactNode][] = [
    [t("country"), name(region.country)],
    [t("isoCode"), region.isoCode ?? "—"],
  ];
  if (region.parent)
    rows.push([
      t("parent"),
      <Link key="p" href={paths.region(region.parent.slug)}>
        {name(region.parent)}
      </Link>,
    ]);
  if (region.children.length > 0)
    rows.push([
      t("parts"),
      <ul key="c">
        {region.children.map((child) => (
          <li key={child.slug}>
            <Link href={paths.region(child.slug)}>{name(child)}</Link>
          </li>
        ))}
      </ul>,
    ]);

  return (
    <>
      <PageHeading caption={t(`levels.${region.level}`)}>{name(region)}</PageHeading>
      <SummaryList rows={rows} />

      <MeetingTimeline
        entries={region.timeline}
        total={region.timelineTotal}
        allHref={paths.meetings({ region: region.slug })}
        allLabel={t("seeAllMeetings", { region: name(region) })}
      />

      <PartnerMap region={region} partners={partners} measure={measure} />
      <RegionPartners region={region} partners={partners} trade={region.trade} />

      <RegionTrade region={region} trade={region.trade} />

      <Section title={t("organizations")} id="organizations">
        {organizations.total === 0 ? (
          <Muted>{t("noOrganizations")}</Muted>
        ) : (
          <>
            <OrganizationTable rows={organizations.items} caption={t("organizations")} showRegion={false} />
            {organizations.total > organizations.items.length && (
              <p className="mt-4">
                <Link href={paths.organizations({ region: region.slug })} className="font-bold">
                  {to("seeAllInRegion", { formatted: format.number(organizations.total), region: name(region) })}
                </Link>
              </p>
            )}
          </>
        )}
      </Section>
      <PublicHistoryLink href={paths.regionHistory(region.slug)} />
      {user && (
        <EntityLinkEditor
          entity={{ type: "region", id: region.id }}
          name={name(region)}
          editHref={paths.staff.edit("regions", region.id)}
        />
      )}
      <DataSource sources={region.trade.map((row) => ({ title: row.sourceTitle, titleRu: row.sourceTitleRu, url: row.sourceUrl }))} />
    </>
  );
}
