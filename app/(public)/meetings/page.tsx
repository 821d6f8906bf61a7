import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { MeetingEmptyResults } from "@/components/meetings/meeting-empty";
import { MeetingFilters } from "@/components/meetings/meeting-filters";
import { MeetingTable } from "@/components/meetings/meeting-table";
import { ExportLinks } from "@/components/ui/export-links";
import { FeedLink } from "@/components/ui/feed-link";
import { PageHeading } from "@/components/ui/page-heading";
import { Pagination } from "@/components/ui/pagination";
import { fileParams } from "@/lib/export/columns";
import { toLocale } from "@/lib/i18n/locale";
import { localized } from "@/lib/i18n/localize";
import { getOrganizationRef, listMeetings } from "@/lib/meetings/queries";
import { MeetingListSchema, meetingListQuery } from "@/lib/meetings/schema";
import { paths } from "@/lib/paths";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props) {
  const [t, locale, params] = await Promise.all([getTranslations("meetings"), getLocale(), searchParams]);
  const feed = paths.feeds.meetings({ ...meetingListQuery(MeetingListSchema.parse(params)), page: undefined, lang: locale });
  return { title: t("title"), alternates: { types: { "application/atom+xml": feed } } };
}

export default async function MeetingsPage({ searchParams }: Props) {
  const params = MeetingListSchema.parse(await searchParams);
  const { organization } = params;
  const [t, tFeeds, format, locale, result, about] = await Promise.all([
    getTranslations("meetings"),
    getTranslations("feeds"),
    getFormatter(),
    getLocale(),
    listMeetings(params),
    organization ? getOrganizationRef(organization) : null,
  ]);
  const query = meetingListQuery(params);
  const aboutName = about ? localized(locale, about.nameEn, about.name) : undefined;
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      {organization && (
        <p className="mb-4 text-xl">
          {t("aboutOrganization", { name: aboutName ?? organization })}{" "}
          <Link href={paths.meetings({ ...query, organization: undefined, page: undefined })} className="text-base">
            {t("clearOrganization")}
          </Link>
        </p>
      )}
      <MeetingFilters params={params} />
      <FeedLink href={paths.feeds.meetings({ ...query, page: undefined, lang: locale })} label={tFeeds("subscribe")} />
      <p className="tabular mb-4 text-xl font-bold" aria-live="polite">
        {t("count", { count: result.total, formatted: format.number(result.total) })}
      </p>
      {result.items.length === 0 ? (
        <MeetingEmptyResults params={params} total={result.total} organizationName={aboutName} />
      ) : (
        <>
          <MeetingTable rows={result.items} />
          <Pagination page={result} href={(page) => paths.meetings({ ...query, page })} />
          <ExportLinks
            links={(["xlsx", "csv"] as const).map((file) => ({
              href: paths.api.meetingsExport(file, {
                ...query,
                page: undefined,
                perPage: undefined,
                ...fileParams(toLocale(locale), file),
              }),
              label: t(file === "xlsx" ? "downloadXlsx" : "downloadCsv"),
            }))}
          />
        </>
      )}
      <DataSource />
    </>
  );
}
