import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { baseLegend, FOCUS_FILL, MapLegend, MapSvg } from "@/components/map/map-figure";
import { MeasureChoice } from "@/components/map/measure-choice";
import { Section } from "@/components/ui/section";
import { localized } from "@/lib/i18n/localize";
import { centreOf, layoutMap, placePartners } from "@/lib/map/layout";
import { readMapRegions } from "@/lib/map/queries";
import { classFills, classLabel, fillOf, shadeClasses, type MapMeasure } from "@/lib/map/shading";
import { paths } from "@/lib/paths";
import type { Bounded, RegionPartner } from "@/lib/regions/pair";
import type { RegionPage } from "@/lib/regions/queries";

/**
 * A region page's map: the region in orange (a country: its regions), lines to the partner regions, each shaded by
 * what the two do together and opening their pair page; the other regions open their own pages. The frame is
 * fitted to the region and its partners. The partners' table (RegionPartners) is beside it.
 */
export async function PartnerMap({
  region,
  partners,
  measure,
}: {
  region: RegionPage;
  partners: Bounded<RegionPartner>;
  measure: MapMeasure;
}) {
  const [t, format, locale, regions] = await Promise.all([getTranslations("map"), getFormatter(), getLocale(), readMapRegions()]);
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  const usd = (value: number) => format.number(value, { style: "currency", currency: "USD", maximumFractionDigits: 0 });

  // The pair's latest trade: the region's figures come newest first, so the first of each partner is its latest.
  const latestTrade = new Map<string, { year: number; turnoverUsd: number }>();
  for (const row of region.trade) if (!latestTrade.has(row.partner.slug)) latestTrade.set(row.partner.slug, row);
  const bySlug = new Map(partners.items.map((partner) => [partner.slug, partner]));
  const pairValue = (slug: string): number | null => {
    const partner = bySlug.get(slug);
    if (!partner) return null;
    const value = measure === "trade" ? (latestTrade.get(slug)?.turnoverUsd ?? 0) : partner[measure];
    return value > 0 ? value : null;
  };
  const pairFigure = (slug: string) => {
    const partner = bySlug.get(slug)!;
    if (measure !== "trade") return t(`figure.${measure}`, { count: partner[measure], formatted: format.number(partner[measure]) });
    const trade = latestTrade.get(slug);
    return trade ? t("figure.trade", { formatted: usd(trade.turnoverUsd), year: trade.year }) : t("figure.tradeNone");
  };

  const focusSlugs = new Set([region.slug, ...region.children.map((child) => child.slug)]);
  const ownShape = (slug: string) => slug === region.slug || (region.level === "country" && focusSlugs.has(slug));
  const layout = layoutMap(regions, new Set([...focusSlugs, ...bySlug.keys()]));
  const focusAreas = layout.areas.filter((area) => ownShape(area.slug));
  // Partner regions by their shape, partner countries (Belarus for Kursk Oblast) by a mark amid their regions.
  const placed = placePartners(
    layout,
    partners.items.map((partner) => partner.slug),
    ownShape,
  );
  // The legend's classes are those of the partners shown; the others are listed under the map with their figures.
  const classes = shadeClasses([...placed.drawn, ...placed.marked].map((place) => pairValue(place.slug)));
  const fills = classFills(classes.length);
  const measureName = t(`partnerMeasureLong.${measure}`);
  const from = centreOf(focusAreas.map((area) => area.centroid));
  const lines = from ? [...placed.drawn, ...placed.marked].map((place) => ({ from, to: place.centroid })) : [];
  const offMap = placed.offMap.map((slug) => bySlug.get(slug)!);
  const partnerTitle = (slug: string) =>
    t("partnerAreaTitle", { region: name(region), partner: name(bySlug.get(slug)!), figure: pairFigure(slug) });

  return (
    <Section title={t("partnersTitle", { region: name(region) })} id="map">
      <p className="mb-4 max-w-3xl">{t("partnersLead", { region: name(region), measure: measureName })}</p>
      <MeasureChoice
        label={t("measureLabel")}
        measure={measure}
        names={{ ventures: t("measures.ventures"), meetings: t("measures.meetings"), trade: t("measures.trade") }}
        hrefOf={(choice) => `${paths.region(region.slug, { measure: choice === "ventures" ? undefined : choice })}#map`}
      />
      <div className="grid gap-x-8 gap-y-2 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <MapSvg
          label={t("partnerSvgLabel", { region: name(region), measure: measureName })}
          height={layout.height}
          context={layout.context}
          lines={lines}
          markers={placed.marked.map((country) => ({
            slug: country.slug,
            at: country.centroid,
            href: paths.regionPair(region.slug, country.slug),
            fill: fillOf(pairValue(country.slug), classes),
            title: partnerTitle(country.slug),
            label: name(country),
          }))}
          areas={layout.areas.map((area) => {
            if (ownShape(area.slug)) return { ...area, href: null, fill: FOCUS_FILL, title: t("focusTitle", { region: name(area) }) };
            if (bySlug.has(area.slug))
              return {
                ...area,
                href: paths.regionPair(region.slug, area.slug),
                fill: fillOf(pairValue(area.slug), classes),
                title: partnerTitle(area.slug),
              };
            return {
              ...area,
              href: paths.region(area.slug),
              fill: "#ffffff",
              title: t("otherTitle", { region: name(area), focus: name(region) }),
            };
          })}
        />
        <div>
          <MapLegend
            title={t("legendTitle")}
            entries={[
              { fill: FOCUS_FILL, label: t("legendFocus") },
              ...classes.map((shade, i) => ({
                fill: fills[i]!,
                label: classLabel(shade, (v) => (measure === "trade" ? usd(v) : format.number(v))),
              })),
              ...baseLegend(t("legendNone"), t("legendContext")),
            ]}
          />
          {placed.marked.length > 0 && <p className="mt-2 text-base">{t("countryMarker")}</p>}
          <p className="mt-2 text-base text-muted">{t("source")}</p>
          {focusAreas.length === 0 && <p className="mt-4 max-w-3xl">{t("noShape", { region: name(region) })}</p>}
          {offMap.length > 0 && (
            <div className="mt-4">
              <p>{t("partnersOffMap")}</p>
              <ul className="mt-1 list-disc pl-6">
                {offMap.map((partner) => (
                  <li key={partner.slug}>
                    <Link href={paths.regionPair(region.slug, partner.slug)}>
                      {t("withPartner", { region: name(region), partner: name(partner) })}
                    </Link>
                    : {pairFigure(partner.slug)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </div>
    </Section>
  );
}
