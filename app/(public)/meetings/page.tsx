import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { MeetingFilters } from "@/components/meetings/meeting-filters";
import { MeetingTable } from "@/components/meetings/meeting-table";
import { PageHeading } from "@/components/ui";
import { EmptyResults } from "@/components/ui/empty-results";
import { Pagination } from "@/components/ui/pagination";
import { localized } from "@/lib/i18n";
import { getOrganizationRef, listMeetings } from "@/lib/meetings/queries";
import { MeetingListSchema, meetingListQuery } from "@/lib/meetings/schema";
import { SlugSchema } from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `?organization=` narrows the list to where an organization was discussed (its page links here). */
const OrganizationParamSchema = z.object({ organization: SlugSchema.optional().catch(undefined) });

export async function generateMetadata() {
  return { title: (await getTranslations("meetings"))("title") };
}

export default async function MeetingsPage({ searchParams }: Props) {
  const raw = await searchParams;
  const params = MeetingListSchema.parse(raw);
  const { organization } = OrganizationParamSchema.parse(raw);
  const [t, tb, format, locale, result, about] = await Promise.all([
    getTranslations("meetings"),
    getTranslations("browse"),
    getFormatter(),
    getLocale(),
    listMeetings({ ...params, organization }),
    organization ? getOrganizationRef(organization) : null,
  ]);
  const query = { ...meetingListQuery(params), organization };
  const filtered = Boolean(params.year || params.level || params.region || organization);
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      {organization && (
        <p className="mb-4 text-xl">
          {t("aboutOrganization", { name: about ? localized(locale, about.nameEn, about.name) : organization })}{" "}
          <Link href={paths.meetings({ ...query, organization: undefined, page: undefined })} className="text-base">
            {t("clearOrganization")}
          </Link>
        </p>
      )}
      <MeetingFilters params={params} organization={organization} />
      <p className="text-xl font-bold mb-4 tabular" aria-live="polite">
        {t("count", { count: result.total, formatted: format.number(result.total) })}
      </p>
      {result.items.length === 0 ? (
        <EmptyResults
          title={result.total > 0 ? tb("pastLastPage") : filtered ? t("noMatch") : t("empty")}
          hint={result.total > 0 ? tb("pastLastPageHint") : filtered ? tb("relaxHint") : ""}
          clearHref={result.total > 0 ? paths.meetings({ ...query, page: undefined }) : filtered ? paths.meetings() : undefined}
          clearLabel={result.total > 0 ? tb("firstPage") : tb("clear")}
        />
      ) : (
        <>
          <MeetingTable rows={result.items} />
          <Pagination page={result} href={(page) => paths.meetings({ ...query, page })} />
        </>
      )}
    </>
  );
}
