import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { PairCommitments } from "@/components/regions/pair-commitments";
import { PairMeetings } from "@/components/regions/pair-meetings";
import { PairOrganizations } from "@/components/regions/pair-organizations";
import { PairTrade } from "@/components/regions/pair-trade";
import { PairVentures } from "@/components/regions/pair-ventures";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { SummaryList } from "@/components/ui/summary-list";
import { localized } from "@/lib/i18n/localize";
import { SlugSchema } from "@/lib/organizations/schema";
import { readPairTrade } from "@/lib/trade/analysis";
import { paths } from "@/lib/paths";
import { getRegionPair } from "@/lib/regions/pair";

type Props = { params: Promise<{ slug: string; partner: string }> };

/** Both slugs as a URL may carry them; anything else is no pair (404) and never reaches the database. */
async function readSlugs(params: Props["params"]) {
  const { slug, partner } = await params;
  const a = SlugSchema.safeParse(slug);
  const b = SlugSchema.safeParse(partner);
  return a.success && b.success ? { slug: a.data, partner: b.data } : null;
}

export async function generateMetadata({ params }: Props) {
  const slugs = await readSlugs(params);
  if (!slugs) return {};
  const [pair, locale, t] = await Promise.all([getRegionPair(slugs.slug, slugs.partner), getLocale(), getTranslations("regionPair")]);
  if (!pair) return {};
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  return {
    title: t("title", { region: name(pair.region), partner: name(pair.partner) }),
    // Both orders show the same pair: search engines keep one.
    alternates: { canonical: paths.regionPair(pair.canonical.slug, pair.canonical.partnerSlug) },
  };
}

export default async function RegionPairPage({ params }: Props) {
  const slugs = await readSlugs(params);
  if (!slugs) notFound();
  const [pair, t, format, locale] = await Promise.all([
    getRegionPair(slugs.slug, slugs.partner),
    getTranslations("regionPair"),
    getFormatter(),
    getLocale(),
  ]);
  if (!pair) notFound();
  const { region, partner } = pair;
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  const names = { region: name(region), partner: name(partner) };
  const organizationsTotal = pair.organizations.region.total + pair.organizations.partner.total;
  // The pair's trade figures, for their sources (the cached read PairTrade shows them from).
  const years = await readPairTrade(region.id, partner.id);

  return (
    <>
      <PageHeading caption={t("caption")} lead={t("lead", names)}>
        <Link href={paths.region(region.slug)}>{names.region}</Link> {t("and")}{" "}
        <Link href={paths.region(partner.slug)}>{names.partner}</Link>
      </PageHeading>
      <p className="mb-2 max-w-3xl">{t("sidesNote")}</p>
      <p className="mb-6">
        <Link href={paths.regionPair(partner.slug, region.slug)}>{t("swap", { partner: names.partner })}</Link>
      </p>
      <SummaryList
        rows={[
          [
            t("summaryMeetings"),
            <a key="m" href="#meetings" className="tabular">
              {format.number(pair.meetings.total)}
            </a>,
          ],
          [
            t("summaryVentures"),
            <a key="v" href="#ventures" className="tabular">
              {format.number(pair.ventures.total)}
            </a>,
          ],
          [
            t("summaryOrganizations"),
            <a key="o" href="#organizations" className="tabular">
              {format.number(organizationsTotal)}
            </a>,
          ],
        ]}
      />

      <PairMeetings meetings={pair.meetings} region={region} partner={partner} />
      <PairVentures ventures={pair.ventures} region={region} partner={partner} />
      <Section title={t("organizationsTitle")} id="organizations">
        <p className="max-w-3xl">{t("organizationsLead")}</p>
        <PairOrganizations organizations={pair.organizations.region} side={region} />
        <PairOrganizations organizations={pair.organizations.partner} side={partner} />
      </Section>
      <PairTrade region={region} partner={partner} />
      <PairCommitments region={region} partner={partner} />
      <DataSource sources={years.map((year) => year.source)} />
    </>
  );
}
