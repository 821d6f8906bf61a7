import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LinkEntityForm, RemoveLinkButton } from "@/components/link-forms";
import { DemoTag, Muted, PageHeading, Section, SummaryList, Table, Tag } from "@/components/ui";
import { localized, sortByName } from "@/lib/i18n";
import { getMeetingPage, listLinkableEntities } from "@/lib/meetings/queries";
import { getCurrentUser } from "@/lib/session";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const [meeting, locale] = await Promise.all([getMeetingPage((await params).slug), getLocale()]);
  return { title: meeting ? localized(locale, meeting.titleEn, meeting.titleRu) : undefined };
}

export default async function MeetingPage({ params }: Props) {
  const { slug } = await params;
  const [meeting, user, t, format, locale] = await Promise.all([
    getMeetingPage(slug),
    getCurrentUser(),
    getTranslations("meetings"),
    getFormatter(),
    getLocale(),
  ]);
  if (!meeting) notFound();
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  const canEdit = user !== null;
  const linkable = canEdit ? await listLinkableEntities() : null;

  const rows: [ReactNode, ReactNode][] = [
    [t("date"), <time key="d" dateTime={meeting.date.toISOString().slice(0, 10)}>{format.dateTime(meeting.date, { dateStyle: "long" })}</time>],
    [t("level"), t(`levels.${meeting.level}`)],
  ];
  const place = localized(locale, meeting.placeEn, meeting.placeRu);
  if (place) rows.push([t("place"), place]);
  rows.push([
    t("regions"),
    <ul key="r">
      {meeting.regions.map(({ region }) => (
        <li key={region.slug}><Link href={`/regions/${region.slug}`}>{name(region)}</Link></li>
      ))}
    </ul>,
  ]);
  const summary = localized(locale, meeting.summaryEn, meeting.summaryRu);
  if (summary) rows.push([t("summary"), summary]);
  if (meeting.sourceTitle)
    rows.push([t("source"), meeting.sourceUrl ? <a key="s" href={meeting.sourceUrl}>{meeting.sourceTitle}</a> : meeting.sourceTitle]);

  return (
    <>
      <PageHeading caption={<>{t("meeting")} {meeting.isDemo && <DemoTag />}</>}>{localized(locale, meeting.titleEn, meeting.titleRu)}</PageHeading>
      <SummaryList rows={rows} />

      {meeting.participants.length > 0 && (
        <Section title={t("participants")} id="participants">
          <Table
            caption={t("participants")} hideCaption
            columns={[{ label: t("person") }, { label: t("position") }, { label: t("side") }]}
            rows={meeting.participants.map((p) => [
              localized(locale, p.personEn, p.personRu),
              localized(locale, p.roleEn, p.roleRu) || "—",
              p.sideRegion ? <Link key="s" href={`/regions/${p.sideRegion.slug}`}>{name(p.sideRegion)}</Link> : "—",
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

      {meeting.followedUp.length > 0 && (
        <Section title={t("followsUp")} id="follows-up">
          <ul className="max-w-3xl space-y-3">
            {meeting.followedUp.map(({ commitment }) => (
              <li key={commitment.id} className="border-l-4 border-line pl-4">
                {localized(locale, commitment.textEn, commitment.textRu)}{" "}
                <Tag tone="blue">{t(`commitmentStatuses.${commitment.status}`)}</Tag>
                <span className="block text-muted">
                  <Link href={`/meetings/${commitment.meeting.slug}`}>{localized(locale, commitment.meeting.titleEn, commitment.meeting.titleRu)}</Link>
                  {", "}
                  {format.dateTime(commitment.meeting.date, { dateStyle: "long" })}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title={t("discussed")} id="discussed">
        {meeting.discussionLinks.length === 0 ? (
          <Muted>{t("noDiscussed")}</Muted>
        ) : (
          <ul className="max-w-3xl">
            {meeting.discussionLinks.map((link) => {
              const label = link.organization
                ? localized(locale, link.organization.nameEn, link.organization.name)
                : link.region ? name(link.region) : "";
              const href = link.organization ? `/organizations/${link.organization.slug}` : `/regions/${link.region?.slug}`;
              return (
                <li key={link.id} className="border-b border-line py-4">
                  <p className="font-bold text-xl">
                    <Link href={href}>{label}</Link>{" "}
                    {link.organization?.isDemo && <DemoTag />}
                  </p>
                  <p className="whitespace-pre-line">{link.note}</p>
                  <p className="text-muted text-base">
                    {link.createdBy
                      ? t("linkedBy", { name: link.createdBy.name, date: format.dateTime(link.createdAt, { dateStyle: "medium" }) })
                      : t("recordedOn", { date: format.dateTime(link.createdAt, { dateStyle: "medium" }) })}
                  </p>
                  {canEdit && <RemoveLinkButton linkId={link.id} version={link.version} name={label} />}
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <Section title={t("commitments")} id="commitments">
        {meeting.commitments.length === 0 ? (
          <Muted>{t("noCommitments")}</Muted>
        ) : (
          <ol className="max-w-3xl list-decimal pl-6 space-y-3">
            {meeting.commitments.map((c) => (
              <li key={c.id}>
                {localized(locale, c.textEn, c.textRu)}{" "}
                <Tag tone="blue">{t(`commitmentStatuses.${c.status}`)}</Tag>
                {c.dueDate && <span className="block text-muted">{t("due", { date: format.dateTime(c.dueDate, { dateStyle: "long" }) })}</span>}
                {c.followUps.length > 0 && (
                  <span className="block text-muted">
                    {t("followedUpAt")}:{" "}
                    {c.followUps.map(({ meeting: later }, i) => (
                      <span key={later.slug}>
                        {i > 0 && ", "}
                        <Link href={`/meetings/${later.slug}`}>{localized(locale, later.titleEn, later.titleRu)}</Link>
                      </span>
                    ))}
                  </span>
                )}
                {c.parties.length > 0 && (
                  <span className="block text-muted">
                    {t("parties")}:{" "}
                    {c.parties
                      .map((p) => (p.organization ? localized(locale, p.organization.nameEn, p.organization.name) : p.region ? name(p.region) : ""))
                      .join(", ")}
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
      </Section>

      {linkable && (
        <div className="mt-12 border-t-4 border-brand pt-6">
          <LinkEntityForm
            meetingId={meeting.id}
            organizations={sortByName(
              linkable.organizations.map((o) => ({ value: `organization:${o.id}`, label: localized(locale, o.nameEn, o.name) })),
              locale,
              (option) => option.label,
            )}
            regions={sortByName(
              linkable.regions.map((r) => ({ value: `region:${r.id}`, label: name(r) })),
              locale,
              (option) => option.label,
            )}
          />
        </div>
      )}
    </>
  );
}
