import { getLocale, getTranslations } from "next-intl/server";
import { EmptyResults } from "@/components/ui/empty-results";
import { NoMatch } from "@/components/ui/no-match";
import { PastLastPage } from "@/components/ui/past-last-page";
import { localized } from "@/lib/i18n/localize";
import { type MeetingListParams, meetingListQuery } from "@/lib/meetings/schema";
import { paths } from "@/lib/paths";
import { getRegionName } from "@/lib/regions/queries";

/** The meetings list when a page has no rows: past the last page, or filters that match nothing. */
export async function MeetingEmptyResults({
  params,
  total,
  organizationName,
}: {
  params: MeetingListParams;
  total: number;
  /** The name of the organization the list is narrowed to, if any. */
  organizationName?: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("meetings"), getLocale()]);
  const query = meetingListQuery(params);
  const without = (key?: keyof typeof query) => paths.meetings({ ...query, ...(key && { [key]: undefined }), page: undefined });
  if (total > 0) return <PastLastPage firstPageHref={without()} />;
  if (!params.year && !params.level && !params.region && !params.organization) return <EmptyResults title={t("empty")} hint="" />;

  const region = params.region ? await getRegionName(params.region) : null;
  const active: [keyof typeof query, string][] = [];
  if (params.year) active.push(["year", `${t("year")}: ${params.year}`]);
  if (params.level) active.push(["level", `${t("level")}: ${t(`levels.${params.level}`)}`]);
  if (params.region) active.push(["region", `${t("region")}: ${region ? localized(locale, region.nameEn, region.nameRu) : params.region}`]);
  if (params.organization) active.push(["organization", organizationName ?? params.organization]);
  const clearHref = paths.meetings(meetingListQuery({ sort: params.sort, perPage: params.perPage }));
  return <NoMatch title={t("noMatch")} filters={active.map(([key, label]) => ({ label, href: without(key) }))} clearHref={clearHref} />;
}
