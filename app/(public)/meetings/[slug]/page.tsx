import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { MeetingCommitments, MeetingFollowsUp } from "@/components/meetings/meeting-commitments";
import { MeetingDiscussed } from "@/components/meetings/meeting-discussed";
import { MeetingLinkEditor } from "@/components/meetings/meeting-link-editor";
import { DemoTag } from "@/components/ui/demo-tag";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { SummaryList } from "@/components/ui/summary-list";
import { Table } from "@/components/ui/table";
import { localized } from "@/lib/i18n/localize";
import { getMeetingPage, listLinkAuthors } from "@/lib/meetings/queries";
import { MeetingPageParamsSchema } from "@/lib/meetings/schema";
import { SlugSchema } from "@/lib/organizations/schema";
import { paths } from "@/lib/paths";
import { PublicHistoryLink } from "@/components/workspace/public-history";
import { getCurrentUser } from "@/lib/auth/session";
import { formatDay } from "@/lib/i18n/dates";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props) {
  // A slug that cannot exist never reaches the database (a NUL would make it answer with an error).
  const slug = SlugSchema.safeParse((await params).slug);
  if (!slug.success) return {};
  const { page } = MeetingPageParamsSchema.parse(await searchParams);
  const [meeting, locale] = await Promise.all([getMeetingPage(slug.data, page), getLocale()]);
  return { title: meeting ? localized(locale, meeting.titleEn, meeting.titleRu) : undefined };
}

export default async function MeetingPage({ params, searchParams }: Props) {
  const [slugParam, { page }] = await Promise.all([
    params.then((raw) => SlugSchema.safeParse(raw.slug)),
    searchParams.then((raw) => MeetingPageParamsSchema.parse(raw)),
  ]);
  if (!slugParam.success) notFound();
  const slug = slugParam.data;
  const [meeting, user, t, locale] = await Promise.all([
    getMeetingPage(slug, page),
    getCurrentUser(),
    getTranslations("meetings"),
    getLocale(),
  ]);
  if (!meeting) notFound();
  // Who made each link is for staff: the public page's HTML and RSC payload never carry a staff name.
  const authors = user ? await listLinkAuthors(meeting.discussed.items.map((link) => link.id)) : undefined;
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);

  const rows: [ReactNode, ReactNode][] = [
    [
      t("date"),
      <time key="d" dateTime={meeting.date.toISOString().slice(0, 10)}>
        {formatDay(locale, meeting.date)}
      </time>,
    ],
    [t("level"), t(`levels.${meeting.level}`)],
  ];
  const place = localized(locale, meeting.placeEn, meeting.placeRu);
  if (place) rows.push([t("place"), place]);
  rows.push([
    t("regions"),
    <ul key="r">
      {meeting.regions.map(({ region }) => (
        <li key={region.slug}>
          <Link href={paths.region(region.slug)}>{name(region)}</Link>
        </li>
      ))}
    </ul>,
  ]);
  const summary = localized(locale, meeting.summaryEn, meeting.summaryRu);
  if (summary) rows.push([t("summary"), summary]);
  const sourceTitle = localized(locale, meeting.sourceTitle, meeting.sourceTitleRu);
  if (sourceTitle)
    rows.push([
      t("source"),
      meeting.sourceUrl ? (
        <a key="s" href={meeting.sourceUrl}>
          {sourceTitle}
        </a>
      ) : (
        sourceTitle
      ),
    ]);

  return (
    <>
      <PageHeading
        caption={
          <>
            {t("meeting")} {meeting.isDemo && <DemoTag />}
          </>
        }
      >
        {localized(locale, meeting.titleEn, meeting.titleRu)}
      </PageHeading>
      <SummaryList rows={rows} />

      {meeting.participants.length > 0 && (
        <Section title={t("participants")} id="participants">
          <Table
            caption={t("participants")}
            hideCaption
            columns={[{ label: t("person") }, { label: t("position") }, { label: t("side") }]}
            rows={meeting.participants.map((p) => [
              localized(locale, p.personEn, p.personRu),
              localized(locale, p.roleEn, p.roleRu) || "—",
              p.sideRegion ? (
                <Link key="s" href={paths.region(p.sideRegion.slug)}>
                  {name(p.sideRegion)}
                </Link>
              ) : (
                "—"
              ),
            ])}
          />
        </Section>
      )}

      {meeting.statements.length > 0 && (
        <Section title={t("said")} id="said">
          <ul className="max-w-3xl space-y-3">
            {meeting.statements.map((s, i) => (
              <li key={i} className="border-l-4 border-line pl-4">
                {localized(locale, s.textEn, s.textRu)}
                {(s.speakerEn || s.speakerRu) && <span className="block text-muted">— {localized(locale, s.speakerEn, s.speakerRu)}</span>}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <MeetingFollowsUp meeting={meeting} />
      <MeetingDiscussed meeting={meeting} canEdit={user !== null} authors={authors} />
      <MeetingCommitments meeting={meeting} />
      <PublicHistoryLink href={paths.meetingHistory(meeting.slug)} updatedAt={meeting.updatedAt} />
      {user && <MeetingLinkEditor meeting={meeting} />}
      <DataSource
        sources={meeting.sourceTitle ? [{ title: meeting.sourceTitle, titleRu: meeting.sourceTitleRu, url: meeting.sourceUrl }] : []}
      />
    </>
  );
}
