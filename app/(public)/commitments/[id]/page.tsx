import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DataSource } from "@/components/data-source";
import { PartyLinks } from "@/components/commitments/commitment-list";
import { CommitmentDue, CommitmentStatusTag } from "@/components/commitments/commitment-status";
import { StatusHistory } from "@/components/commitments/status-history";
import { Muted } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { SummaryList } from "@/components/ui/summary-list";
import { PublicHistoryLink } from "@/components/workspace/public-history";
import { RecordId } from "@/lib/actions/fields";
import { getCommitment, listStatusChangeAuthors } from "@/lib/commitments/tracker";
import { toLocale } from "@/lib/i18n/locale";
import { paths } from "@/lib/paths";
import { getCurrentUser } from "@/lib/auth/session";
import { formatDay } from "@/lib/i18n/dates";

type Props = { params: Promise<{ id: string }> };

/** The id from the URL: digits within int4, else no such page (a non-numeric id never reaches the database). */
async function commitmentOf(params: Props["params"]) {
  const id = RecordId.safeParse((await params).id);
  if (!id.success) return null;
  return getCommitment(id.data, toLocale(await getLocale()));
}

export async function generateMetadata({ params }: Props) {
  const commitment = await commitmentOf(params);
  return { title: commitment ? (commitment.text.length > 80 ? `${commitment.text.slice(0, 79).trimEnd()}…` : commitment.text) : undefined };
}

/** One commitment: its status and due date, where it was made, its parties, every follow-up and its status history. */
export default async function CommitmentPage({ params }: Props) {
  const [commitment, user, t, locale] = await Promise.all([
    commitmentOf(params),
    getCurrentUser(),
    getTranslations("tracker"),
    getLocale(),
  ]);
  if (!commitment) notFound();
  // Who changed the status is for staff: the public page's HTML and RSC payload never carry a staff name.
  const authors = user
    ? await listStatusChangeAuthors(
        commitment.id,
        commitment.history.map((change) => change.eventId),
      )
    : undefined;
  const day = (date: Date) => <time dateTime={date.toISOString().slice(0, 10)}>{formatDay(locale, date)}</time>;
  const rows: [ReactNode, ReactNode][] = [
    [t("status"), <CommitmentStatusTag key="s" status={commitment.status} />],
    [t("dueDate"), <CommitmentDue key="d" dueDate={commitment.dueDate} overdue={commitment.overdue} />],
    [
      t("madeAt"),
      <span key="m">
        <Link href={paths.meeting(commitment.meeting.slug)}>{commitment.meeting.title}</Link>, {day(commitment.meeting.date)}
      </span>,
    ],
  ];
  if (commitment.parties.length > 0) rows.push([t("parties"), <PartyLinks key="p" parties={commitment.parties} />]);
  return (
    <>
      <p className="mb-4">
        <Link href={paths.commitments()}>{t("allCommitments")}</Link>
      </p>
      <PageHeading caption={t("commitmentTitle", { id: commitment.id })}>{commitment.text}</PageHeading>
      {user && (
        <p className="mb-6">
          <Link href={paths.staff.edit("commitments", commitment.id)}>{t("editLink")}</Link>
        </p>
      )}
      <SummaryList rows={rows} />
      <Section title={t("followUps")} id="follow-ups">
        {commitment.followUps.length === 0 ? (
          <Muted>{t("noFollowUps")}</Muted>
        ) : (
          <ul className="max-w-3xl space-y-3">
            {commitment.followUps.map((f) => (
              <li key={f.meeting.slug} className="border-l-4 border-line pl-4">
                <Link href={paths.meeting(f.meeting.slug)}>{f.meeting.title}</Link>, {day(f.meeting.date)}
                {f.note && <p className="whitespace-pre-line">{f.note}</p>}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t("history")} id="history">
        <StatusHistory history={commitment.history} authors={authors} />
      </Section>
      <PublicHistoryLink href={paths.commitmentHistory(commitment.id)} />
      <Section title={t("more")} id="more">
        <ul className="list-disc space-y-1 pl-6">
          {commitment.parties.map((party) => (
            <li key={`${party.kind}:${party.slug}`}>
              <Link href={paths.commitments({ party: party.slug })}>{t("moreWith", { name: party.name })}</Link>
            </li>
          ))}
          <li>
            <Link href={paths.commitments({ meeting: commitment.meeting.slug })}>{t("moreAt")}</Link>
          </li>
        </ul>
      </Section>
      <DataSource sources={commitment.source ? [commitment.source] : []} />
    </>
  );
}
