import { atomResponse, FEED_SIZE, feedLanguage, feedTranslator } from "@/lib/http/atom";
import { localized } from "@/lib/i18n/localize";
import { searchParamsToQuery } from "@/lib/api/schema";
import { listNewestJointVentures } from "@/lib/joint-ventures/queries";
import { filterToQuery, parseJointVentureFilterLenient } from "@/lib/joint-ventures/schema";
import { paths } from "@/lib/paths";

export const dynamic = "force-dynamic";

/** New joint ventures, newest record first, with the joint-venture table's filters. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const language = feedLanguage(url.searchParams);
  const filter = parseJointVentureFilterLenient(searchParamsToQuery(url.searchParams));
  const t = feedTranslator(language, "feeds");
  const ventures = await listNewestJointVentures(filter, FEED_SIZE);
  return atomResponse(request, {
    title: t("jointVentures"),
    pagePath: paths.jointVentures(filterToQuery(filter)),
    language,
    entries: ventures.map((venture) => {
      const primary = venture.sectors.find((sector) => sector.primary);
      const partners = venture.partners.map((partner) => localized(language, partner.nameEn, partner.name)).join(", ");
      return {
        path: paths.organization(venture.slug),
        title: localized(language, venture.nameEn, venture.name),
        summary: [
          localized(language, venture.region.nameEn, venture.region.nameRu),
          primary && `${primary.code} ${localized(language, primary.nameEn, primary.nameRu)}`,
          partners && t("partners", { partners }),
        ]
          .filter(Boolean)
          .join("; "),
        updated: new Date(venture.updatedAt),
      };
    }),
  });
}
