import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CommitmentDue, CommitmentStatusTag } from "@/components/commitments/commitment-status";
import type { CommitmentParty, CommitmentSummary } from "@/lib/commitments/tracker";
import { paths } from "@/lib/paths";
import { formatDay } from "@/lib/i18n/dates";

/** A party's name, linked to its page. */
export function PartyLinks({ parties }: { parties: CommitmentParty[] }) {
  return parties.map((party, i) => (
    <span key={`${party.kind}:${party.slug}`}>
      {i > 0 && ", "}
      <Link href={party.kind === "region" ? paths.region(party.slug) : paths.organization(party.slug)}>{party.name}</Link>
    </span>
  ));
}

/**
 * Commitments as the tracker shows them: the text (linking to the commitment's page), its status, the due
 * date with "overdue" in words, the meeting where it was made, the parties and every later meeting that
 * followed it up. For the tracker, the region-pair page and the briefing pack; `headingLevel` fits the list
 * under the page's own headings.
 */
export async function CommitmentList({ items, headingLevel = 2 }: { items: CommitmentSummary[]; headingLevel?: 2 | 3 | 4 }) {
  const [t, locale] = await Promise.all([getTranslations("tracker"), getLocale()]);
  const Heading = `h${headingLevel}` as const;
  const day = (date: Date) => formatDay(locale, date);
  return (
    <ul className="max-w-4xl divide-y divide-line border-y border-line" aria-label={t("title")}>
      {items.map((c) => (
        <li key={c.id} className="py-4">
          <article aria-labelledby={`commitment-${c.id}`}>
            <Heading id={`commitment-${c.id}`} className="text-xl font-bold">
              <Link href={paths.commitment(c.id)}>{c.text}</Link>
            </Heading>
            <p className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1">
              <CommitmentStatusTag status={c.status} />
              <CommitmentDue dueDate={c.dueDate} overdue={c.overdue} />
            </p>
            <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="font-bold">{t("madeAt")}</dt>
              <dd>
                <Link href={paths.meeting(c.meeting.slug)}>{c.meeting.title}</Link>, {day(c.meeting.date)}
              </dd>
              {c.parties.length > 0 && (
                <>
                  <dt className="font-bold">{t("parties")}</dt>
                  <dd>
                    <PartyLinks parties={c.parties} />
                  </dd>
                </>
              )}
              <dt className="font-bold">{t("followUps")}</dt>
              <dd>
                {c.followUps.length === 0 ? (
                  <span className="text-muted">{t("noFollowUps")}</span>
                ) : (
                  <ul className="space-y-1">
                    {c.followUps.map((f) => (
                      <li key={f.meeting.slug}>
                        <Link href={paths.meeting(f.meeting.slug)}>{f.meeting.title}</Link>, {day(f.meeting.date)}
                        {f.note && <span className="block whitespace-pre-line text-muted">{f.note}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </dl>
          </article>
        </li>
      ))}
    </ul>
  );
}
