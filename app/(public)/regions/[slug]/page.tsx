import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { MeetingTimeline } from "@/components/timeline";
import { DemoTag, Muted, PageHeading, Section, SummaryList, Table } from "@/components/ui";
import { localized, sortByName } from "@/lib/i18n";
import { getRegionPage } from "@/lib/regions/queries";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const [region, locale] = await Promise.all([getRegionPage((await params).slug), getLocale()]);
  return { title: region ? localized(locale, region.nameEn, region.nameRu) : undefined };
}

export default async function RegionPage({ params }: Props) {
  const { slug } = await params;
  const [region, t, to, format, locale] = await Promise.all([
    getRegionPage(slug),
    getTranslations("regions"),
    getTranslations("organizations"),
    getFormatter(),
    getLocale(),
  ]);
  if (!region) notFound();
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  const usd = (value: number | null) =>
    value === null ? "—" : format.number(value, { style: "currency", currency: "USD", maximumFractionDigits: 0 });

  return (
    <>
      <PageHeading caption={t(`levels.${region.level}`)}>{name(region)}</PageHeading>
      <SummaryList
        rows={[
          [t("country"), name(region.country)],
          [t("isoCode"), region.isoCode ?? "—"],
          ...(region.parent
            ? [[t("parent"), <Link key="p" href={`/regions/${region.parent.slug}`}>{name(region.parent)}</Link>] as [string, React.ReactNode]]
            : []),
          ...(region.children.length > 0
            ? [[
                t("parts"),
                <ul key="c">
                  {region.children.map((child) => (
                    <li key={child.slug}><Link href={`/regions/${child.slug}`}>{name(child)}</Link></li>
                  ))}
                </ul>,
              ] as [string, React.ReactNode]]
            : []),
        ]}
      />

      <MeetingTimeline entries={region.timeline} />

      <Section title={t("trade")} id="trade">
        {region.trade.length === 0 ? (
          <Muted>{t("noTrade")}</Muted>
        ) : (
          <Table
            caption={t("tradeCaption")}
            columns={[
              { label: t("year") },
              { label: t("partner") },
              { label: t("turnover"), numeric: true },
              { label: t("exports"), numeric: true },
              { label: t("imports"), numeric: true },
              { label: t("growth"), numeric: true },
              { label: t("source") },
            ]}
            rows={region.trade.map((row) => [
              row.year,
              <Link key="p" href={`/regions/${row.partner.slug}`}>{name(row.partner)}</Link>,
              usd(row.turnoverUsd),
              usd(row.exportsUsd),
              usd(row.importsUsd),
              row.growthPercent === null
                ? <span key="g" className="text-muted">{t("notRecorded")}</span>
                : format.number(row.growthPercent / 100, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }),
              row.sourceUrl ? <a key="s" href={row.sourceUrl}>{row.sourceTitle}</a> : row.sourceTitle,
            ])}
          />
        )}
      </Section>

      <Section title={t("organizations")} id="organizations">
        {region.organizations.length === 0 ? (
          <Muted>{t("noOrganizations")}</Muted>
        ) : (
          <Table
            caption={t("organizations")} hideCaption
            columns={[{ label: to("name") }, { label: to("kind") }, { label: to("status") }]}
            rows={sortByName(region.organizations, locale, (org) => localized(locale, org.nameEn, org.name)).map((org) => [
              <span key="n">
                <Link href={`/organizations/${org.slug}`}>{localized(locale, org.nameEn, org.name)}</Link>{" "}
                {org.isDemo && <DemoTag />}
              </span>,
              to(`kinds.${org.kind}`),
              to(`statuses.${org.status}`),
            ])}
          />
        )}
      </Section>
    </>
  );
}
