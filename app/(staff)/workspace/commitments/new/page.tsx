import { CommitmentForm } from "@/components/commitments/commitment-form";
import { newRecordPage } from "@/components/form/record-pages";
import type { FormValues } from "@/lib/actions/form-state";
import { RecordId } from "@/lib/actions/fields";
import { createCommitment } from "@/lib/commitments/actions";
import { getMeetingChoice } from "@/lib/commitments/queries";

/** Record a commitment; `?meeting=<id>` (from a meeting's page) chooses its meeting in advance. */
const page = newRecordPage({
  type: "commitments",
  form: async ({ locale, query }) => {
    const meetingId = RecordId.safeParse(typeof query.meeting === "string" ? query.meeting : undefined);
    const meeting = meetingId.success ? await getMeetingChoice(meetingId.data, locale) : null;
    // A commitment is new when it is recorded: "proposed" until someone says otherwise.
    const initial: FormValues = {
      status: "proposed",
      ...(meeting ? { meetingId: String(meeting.id), meetingId__label: meeting.label } : {}),
    };
    return <CommitmentForm action={createCommitment} isNew initial={initial} />;
  },
});

export const generateMetadata = page.generateMetadata;
export default page.NewRecordPage;
