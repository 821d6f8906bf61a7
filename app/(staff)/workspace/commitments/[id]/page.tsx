import { getTranslations } from "next-intl/server";
import { CommitmentForm } from "@/components/commitments/commitment-form";
import { CommitmentFollowUpForm, CommitmentStatusForm } from "@/components/commitments/commitment-progress-forms";
import { editRecordPage } from "@/components/form/record-pages";
import {
  archiveCommitment,
  changeCommitmentStatus,
  recordCommitmentFollowUp,
  restoreCommitment,
  updateCommitment,
} from "@/lib/commitments/actions";
import { getCommitmentForEdit } from "@/lib/commitments/queries";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";

/**
 * Edit a commitment: first the two everyday steps (a change of status with its reason, a follow-up at a later
 * meeting), then all its fields, archive or restore, and links to its history and public page.
 */
const page = editRecordPage({
  type: "commitments",
  read: getCommitmentForEdit,
  // A commitment has no name: its title is the start of its text, in the reader's language.
  title: async (commitment, locale) => {
    const text = localized(locale, commitment.text.en, commitment.text.ru);
    return (text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text) || (await getTranslations("editCommitment"))("untitled");
  },
  publicPath: (commitment) => (commitment.meetingSlug ? paths.commitment(commitment.id) : undefined),
  archive: archiveCommitment,
  restore: restoreCommitment,
  form: async (commitment) => (
    <>
      {/* Keyed by version: after a save the forms start empty again rather than keep what was sent. */}
      <CommitmentStatusForm
        key={`status-${commitment.version}`}
        action={changeCommitmentStatus.bind(null, commitment.id)}
        version={commitment.version}
        status={commitment.status}
      />
      <CommitmentFollowUpForm
        key={`follow-up-${commitment.version}`}
        action={recordCommitmentFollowUp.bind(null, commitment.id)}
        version={commitment.version}
      />
      <h2 className="mb-4 text-2xl font-bold">{(await getTranslations("editCommitment"))("allFields")}</h2>
      <CommitmentForm action={updateCommitment.bind(null, commitment.id)} isNew={false} initial={commitment.values} />
    </>
  ),
});

export const generateMetadata = page.generateMetadata;
export default page.EditRecordPage;
