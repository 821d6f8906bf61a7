import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { baseLegend, MapLegend, MapSvg } from "@/components/map/map-figure";
import { MeasureChoice } from "@/components/map/measure-choice";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { localized } from "@/lib/i18n/localize";
import { layoutMap } from "@/lib/map/layout";
import { readMapRegions, type MapRegion } from "@/lib/map/queries";
import { classFills, classLabel, figureOf, fillOf, shadeClasses, type MapMeasure } from "@/lib/map/shading";
import { paths } from "@/lib/paths";

/**
 * The home page's map: every region of the registry shaded by the reader's measure, each a link to its page,
 * with a legend, the regions it cannot draw listed under it, and the same figures in a table beside it.
 */
export async function HomeMap({ measure }: { measure: MapMeasure }) {
  const [t, format, locale, regions] = await Promise.all([getTranslations("map"), getFormatter(), getLocale(), readMapRegions()]);
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  const usd = (value: number) => format.number(value, { style: "currency", currency: "USD", maximumFractionDigits: 0 });
  const figureText = (region: MapRegion) => {
    if (measure === "trade")
      return region.tradeUsd && region.tradeYear
        ? t("figure.trade", { formatted: usd(region.tradeUsd), year: region.tradeYear })
        : t("figure.tradeNone");
    const count = region[measure];
    return t(`figure.${measure}`, { count, formatted: format.number(count) });
  };
  const tradeCell = (region: MapRegion) =>
    region.tradeUsd && region.tradeYear ? t("tradeInYear", { formatted: usd(region.tradeUsd), year: region.tradeYear }) : t("none");

  const byCountryAndName = (a: MapRegion, b: MapRegion) =>
    a.countryCode.localeCompare(b.countryCode) || name(a).localeCompare(name(b), locale);
  const layout = layoutMap(regions);
  const classes = shadeClasses(layout.areas.map((area) => figureOf(area, measure)));
  const fills = classFills(classes.length);
  const measureName = t(`measureLong.${measure}`);
  const legendFormat = (value: number) => (measure === "trade" ? usd(value) : format.number(value));
  const unlisted = [...layout.unmatched, ...layout.outside];

  return (
    <Section title={t("title")} id="map">
      <p className="mb-4 max-w-3xl">{t("lead", { measure: measureName })}</p>
      <MeasureChoice
        label={t("measureLabel")}
        measure={measure}
        names={{ ventures: t("measures.ventures"), meetings: t("measures.meetings"), trade: t("measures.trade") }}
        hrefOf={(choice) => `${paths.home({ measure: choice === "ventures" ? undefined : choice })}#map`}
      />
      {/* The map with its legend beside it on a wide screen, under it on a phone; the table under both, full width. */}
      <div className="grid gap-x-8 gap-y-2 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div>
          <MapSvg
            label={t("svgLabel", { measure: measureName })}
            height={layout.height}
            context={layout.context}
            areas={layout.areas.map((area) => ({
              slug: area.slug,
              d: area.d,
              centroid: area.centroid,
              href: paths.region(area.slug),
              title: t("areaTitle", { region: name(area), figure: figureText(area) }),
              fill: fillOf(figureOf(area, measure), classes),
            }))}
          />
        </div>
        <div>
          <MapLegend
            title={t("legendTitle")}
            entries={[
              ...classes.map((shade, i) => ({ fill: fills[i]!, label: classLabel(shade, legendFormat) })),
              ...baseLegend(t("legendNone"), t("legendContext")),
            ]}
          />
          <p className="mt-2 text-base text-muted">{t("source")}</p>
          {unlisted.length > 0 && (
            <div className="mt-4">
              <h3 className="font-bold">{t("unmatchedTitle")}</h3>
              <p className="max-w-3xl text-muted">{t("unmatchedLead")}</p>
              <ul className="mt-1 list-disc pl-6">
                {unlisted.map((region) => (
                  <li key={region.slug}>
                    <Link href={paths.region(region.slug)}>{name(region)}</Link>: {figureText(region)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </div>
      <div className="mt-8">
        <Table
          caption={t("tableCaption")}
          columns={[
            { label: t("columnRegion") },
            { label: t("columnVentures"), numeric: true },
            { label: t("columnMeetings"), numeric: true },
            { label: t("columnTrade"), numeric: true },
          ]}
          rows={[...regions].sort(byCountryAndName).map((region) => [
            <Link key="r" href={paths.region(region.slug)}>
              {name(region)}
            </Link>,
            format.number(region.ventures),
            format.number(region.meetings),
            tradeCell(region),
          ])}
        />
      </div>
    </Section>
  );
}
