import { invalidParameters } from "@/lib/api/problem";
import { FEED_SIZE, feedRoute, feedTranslator } from "@/lib/http/atom";
import { localized } from "@/lib/i18n/localize";
import { JointVentureFeedQuerySchema } from "@/lib/joint-ventures/dto";
import { listNewestJointVentures } from "@/lib/joint-ventures/queries";
import { filterToQuery, JointVentureFilterSchema } from "@/lib/joint-ventures/schema";
import { paths } from "@/lib/paths";

export const dynamic = "force-dynamic";

/** New joint ventures, newest record first, with the joint-venture table's filters. */
export const GET = feedRoute(JointVentureFeedQuerySchema, async ({ lang: _lang, ...fields }, language) => {
  void _lang;
  // The table's checks across fields (a range's ends in order), as the API runs them.
  const parsed = JointVentureFilterSchema.safeParse(fields);
  if (!parsed.success) throw invalidParameters(parsed.error.issues);
  const filter = parsed.data;
  const t = feedTranslator(language, "feeds");
  const ventures = await listNewestJointVentures(filter, FEED_SIZE);
  return {
    title: t("jointVentures"),
    pagePath: paths.jointVentures(filterToQuery(filter)),
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
  };
});
