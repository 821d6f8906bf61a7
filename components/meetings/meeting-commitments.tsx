import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Muted } from "@/components/ui/notice";
import { Section } from "@/components/ui/section";
import { Tag } from "@/components/ui/tag";
import { localized } from "@/lib/i18n/localize";
import type { MeetingPage } from "@/lib/meetings/queries";
import { paths } from "@/lib/paths";
import { formatDay } from "@/lib/i18n/dates";

/** Commitments of earlier meetings that this one followed up. */
export async function MeetingFollowsUp({ meeting }: { meeting: MeetingPage }) {
  const [t, locale] = await Promise.all([getTranslations("meetings"), getLocale()]);
  return (
    <>
      {meeting.followedUp.length > 0 && (
        <Section title={t("followsUp")} id="follows-up">
          <ul className="max-w-3xl space-y-3">
            {meeting.followedUp.map(({ commitment }) => (
              <li key={commitment.id} className="border-l-4 border-line pl-4">
                <Link href={paths.commitment(commitment.id)}>{localized(locale, commitment.textEn, commitment.textRu)}</Link>{" "}
                <Tag tone="blue">{t(`commitmentStatuses.${commitment.status}`)}</Tag>
                <span className="block text-muted">
                  <Link href={paths.meeting(commitment.meeting.slug)}>
                    {localized(locale, commitment.meeting.titleEn, commitment.meeting.titleRu)}
                  </Link>
                  {", "}
                  {formatDay(locale, commitment.meeting.date)}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

/**
 * The commitments made at a meeting, with their parties and the later meetings that followed them up; each
 * links to its own page on the tracker, where its status history is.
 */
export async function MeetingCommitments({ meeting }: { meeting: MeetingPage }) {
  const [t, locale] = await Promise.all([getTranslations("meetings"), getLocale()]);
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  return (
    <>
      <Section title={t("commitments")} id="commitments">
        {meeting.commitments.length === 0 ? (
          <Muted>{t("noCommitments")}</Muted>
        ) : (
          <ol className="max-w-3xl list-decimal space-y-3 pl-6">
            {meeting.commitments.map((c) => (
              <li key={c.id}>
                <Link href={paths.commitment(c.id)}>{localized(locale, c.textEn, c.textRu)}</Link>{" "}
                <Tag tone="blue">{t(`commitmentStatuses.${c.status}`)}</Tag>
                {c.dueDate && <span className="block text-muted">{t("due", { date: formatDay(locale, c.dueDate) })}</span>}
                {c.followUps.length > 0 && (
                  <span className="block text-muted">
                    {t("followedUpAt")}:{" "}
                    {c.followUps.map(({ meeting: later }, i) => (
                      <span key={later.slug}>
                        {i > 0 && ", "}
                        <Link href={paths.meeting(later.slug)}>{localized(locale, later.titleEn, later.titleRu)}</Link>
                      </span>
                    ))}
                  </span>
                )}
                {c.parties.length > 0 && (
                  <span className="block text-muted">
                    {t("parties")}:{" "}
                    {c.parties
                      .map((p) =>
                        p.organization ? localized(locale, p.organization.nameEn, p.organization.name) : p.region ? name(p.region) : "",
                      )
                      .join(", ")}
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </>
  );
}
