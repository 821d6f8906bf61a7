import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CommitmentStatusTag } from "@/components/commitments/commitment-status";
import { DemoTag } from "@/components/ui/demo-tag";
import { Muted } from "@/components/ui/notice";
import { Section } from "@/components/ui/section";
import type { CommitmentSummary } from "@/lib/commitments/tracker";
import { localized } from "@/lib/i18n/localize";
import type { listLatestMeetings } from "@/lib/meetings/queries";
import type { Page } from "@/lib/pagination";
import { paths } from "@/lib/paths";
import { formatDay } from "@/lib/i18n/dates";

type LatestMeeting = Awaited<ReturnType<typeof listLatestMeetings>>[number] & { commitments: Page<CommitmentSummary> };

/** The latest meetings, each with the commitments made there (a few, and a link to all of them on the tracker). */
export async function LatestMeetings({ meetings }: { meetings: LatestMeeting[] }) {
  const [t, tm, format, locale] = await Promise.all([getTranslations("home"), getTranslations("meetings"), getFormatter(), getLocale()]);
  return (
    <Section title={t("meetingsTitle")} id="recent">
      {meetings.length === 0 && <Muted>{t("noMeetings")}</Muted>}
      <ul className="max-w-4xl">
        {meetings.map((meeting) => {
          const title = localized(locale, meeting.titleEn, meeting.titleRu);
          return (
            <li key={meeting.slug} className="border-b border-line py-4">
              <p className="text-muted">
                {formatDay(locale, meeting.date)} · {tm(`levels.${meeting.level}`)}
              </p>
              <h3 className="text-xl font-bold">
                <Link href={paths.meeting(meeting.slug)}>{title}</Link> {meeting.isDemo && <DemoTag />}
              </h3>
              {meeting.commitments.total === 0 ? (
                <Muted>{t("noCommitments")}</Muted>
              ) : (
                <>
                  <p className="sr-only">{t("agreedAt", { meeting: title })}</p>
                  <ul className="mt-2 space-y-2 border-l-4 border-line pl-4">
                    {meeting.commitments.items.map((commitment) => (
                      <li key={commitment.id}>
                        <Link href={paths.commitment(commitment.id)}>{commitment.text}</Link>{" "}
                        <CommitmentStatusTag status={commitment.status} />
                      </li>
                    ))}
                  </ul>
                  {meeting.commitments.total > meeting.commitments.items.length && (
                    <p className="mt-2">
                      <Link href={paths.commitments({ meeting: meeting.slug })}>
                        {t("allMeetingCommitments", {
                          count: meeting.commitments.total,
                          formatted: format.number(meeting.commitments.total),
                        })}
                      </Link>
                    </p>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
      <p className="mt-4">
        <Link href={paths.meetings()} className="font-bold">
          {t("allMeetings")}
        </Link>
      </p>
    </Section>
  );
}
