import { newRecordPage } from "@/components/form/record-pages";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { createMeeting } from "@/lib/meetings/actions";

/** Log a meeting with its regions, participants and statements. */
const page = newRecordPage({
  type: "meetings",
  form: () => <MeetingForm action={createMeeting} isNew initial={{}} />,
});

export const generateMetadata = page.generateMetadata;
export default page.NewRecordPage;
