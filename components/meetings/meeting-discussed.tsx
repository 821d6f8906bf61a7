import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { RemoveLinkButton } from "@/components/link-forms";
import { DemoTag } from "@/components/ui/demo-tag";
import { Muted } from "@/components/ui/notice";
import { Section } from "@/components/ui/section";
import { EmptyResults } from "@/components/ui/empty-results";
import { Pagination } from "@/components/ui/pagination";
import { localized } from "@/lib/i18n/localize";
import type { MeetingPage } from "@/lib/meetings/queries";
import { paths } from "@/lib/paths";
import { formatDay } from "@/lib/i18n/dates";

type Props = {
  meeting: MeetingPage;
  canEdit: boolean;
  /** Who made each link, by link id: given to signed-in staff only (staff names are not public). */
  authors?: Record<number, string>;
};

/** What was discussed at a meeting, a page at a time, with the editor's remove buttons and who made each link. */
export async function MeetingDiscussed({ meeting, canEdit, authors }: Props) {
  const [t, tb, locale] = await Promise.all([getTranslations("meetings"), getTranslations("browse"), getLocale()]);
  const { discussed } = meeting;
  return (
    <Section title={t("discussed")} id="discussed">
      {discussed.total === 0 ? (
        <Muted>{t("noDiscussed")}</Muted>
      ) : discussed.items.length === 0 ? (
        <EmptyResults
          title={tb("pastLastPage")}
          hint={tb("pastLastPageHint")}
          clearHref={`${paths.meeting(meeting.slug)}#discussed`}
          clearLabel={tb("firstPage")}
        />
      ) : (
        <>
          <ul className="max-w-3xl">
            {discussed.items.map((link) => {
              const label = link.organization
                ? localized(locale, link.organization.nameEn, link.organization.name)
                : link.region
                  ? localized(locale, link.region.nameEn, link.region.nameRu)
                  : "";
              const href = link.organization
                ? paths.organization(link.organization.slug)
                : link.region
                  ? paths.region(link.region.slug)
                  : undefined;
              const author = authors?.[link.id];
              const date = formatDay(locale, link.createdAt);
              return (
                <li key={link.id} className="border-b border-line py-4">
                  <p className="text-xl font-bold">
                    {href ? <Link href={href}>{label}</Link> : label} {link.organization?.isDemo && <DemoTag />}
                  </p>
                  <p className="whitespace-pre-line">{link.note}</p>
                  <p className="text-base text-muted">{author ? t("linkedBy", { name: author, date }) : t("recordedOn", { date })}</p>
                  {canEdit && <RemoveLinkButton linkId={link.id} version={link.version} name={label} />}
                </li>
              );
            })}
          </ul>
          <Pagination page={discussed} href={(page) => `${paths.meeting(meeting.slug, { page })}#discussed`} />
        </>
      )}
    </Section>
  );
}
