import { FEED_SIZE, feedRoute, feedTranslator } from "@/lib/http/atom";
import { localized } from "@/lib/i18n/localize";
import { OrganizationFeedQuerySchema } from "@/lib/organizations/dto";
import { listNewestOrganizations } from "@/lib/organizations/queries";
import { organizationListQuery } from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";

export const dynamic = "force-dynamic";

/** New organizations, newest record first, with the organizations list's filters. */
export const GET = feedRoute(OrganizationFeedQuerySchema, async ({ lang: _lang, ...filter }, language) => {
  void _lang;
  const t = feedTranslator(language, "feeds");
  const tKinds = feedTranslator(language, "organizations");
  const organizations = await listNewestOrganizations(filter, FEED_SIZE);
  return {
    title: t("organizations"),
    pagePath: paths.organizations(organizationListQuery(filter)),
    entries: organizations.map((organization) => ({
      path: paths.organization(organization.slug),
      title: localized(language, organization.nameEn, organization.name),
      summary: [
        tKinds(`kinds.${organization.kind}`),
        localized(language, organization.region.nameEn, organization.region.nameRu),
        organization.primarySector &&
          `${organization.primarySector.code} ${localized(language, organization.primarySector.nameEn, organization.primarySector.nameRu)}`,
      ]
        .filter(Boolean)
        .join("; "),
      updated: organization.updatedAt,
    })),
  };
});
