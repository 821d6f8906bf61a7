import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CommitmentForm } from "@/components/commitments/commitment-form";
import { CommitmentFollowUpForm, CommitmentStatusForm } from "@/components/commitments/commitment-progress-forms";
import { ArchiveForm } from "@/components/workspace/archive-form";
import { RecordHeader } from "@/components/workspace/record-header";
import { RecordId } from "@/lib/actions/fields";
import {
  archiveCommitment,
  changeCommitmentStatus,
  recordCommitmentFollowUp,
  restoreCommitment,
  updateCommitment,
} from "@/lib/commitments/actions";
import type { CommitmentStatus } from "@/lib/commitments/schema";
import { getCommitmentForEdit } from "@/lib/commitments/queries";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";
import { requireStaffPage } from "@/lib/auth/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

/** A commitment has no name: its title is the start of its text, in the reader's language. */
function titleOf(text: string) {
  return text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text;
}

export async function generateMetadata({ params }: Props) {
  const id = RecordId.safeParse((await params).id);
  const locale = await getLocale();
  const commitment = id.success ? await getCommitmentForEdit(id.data, locale) : null;
  return { title: commitment ? titleOf(localized(locale, commitment.text.en, commitment.text.ru)) : undefined };
}

/**
 * Edit a commitment: first the two everyday steps (a change of status with its reason, a follow-up at a later
 * meeting), then all its fields, archive or restore, and links to its history and public page.
 */
export default async function EditCommitmentPage({ params, searchParams }: Props) {
  await requireStaffPage();
  const id = RecordId.safeParse((await params).id);
  if (!id.success) notFound();
  const locale = await getLocale();
  const [commitment, { saved }, t] = await Promise.all([
    getCommitmentForEdit(id.data, locale),
    searchParams,
    getTranslations("editCommitment"),
  ]);
  if (!commitment) notFound();
  return (
    <>
      <RecordHeader
        type="commitments"
        id={commitment.id}
        title={titleOf(localized(locale, commitment.text.en, commitment.text.ru)) || t("untitled")}
        archived={commitment.archived}
        saved={saved}
        publicPath={commitment.meetingSlug ? paths.commitment(commitment.id) : undefined}
      />
      {!commitment.archived && (
        <>
          {/* Keyed by version: after a save the forms start empty again rather than keep what was sent. */}
          <CommitmentStatusForm
            key={`status-${commitment.version}`}
            action={changeCommitmentStatus.bind(null, commitment.id)}
            version={commitment.version}
            status={commitment.values.status as CommitmentStatus}
          />
          <CommitmentFollowUpForm
            key={`follow-up-${commitment.version}`}
            action={recordCommitmentFollowUp.bind(null, commitment.id)}
            version={commitment.version}
          />
          <h2 className="mb-4 text-2xl font-bold">{t("allFields")}</h2>
          <CommitmentForm action={updateCommitment.bind(null, commitment.id)} isNew={false} initial={commitment.values} />
        </>
      )}
      <ArchiveForm
        action={(commitment.archived ? restoreCommitment : archiveCommitment).bind(null, commitment.id)}
        version={commitment.version}
        archived={commitment.archived}
      />
    </>
  );
}
