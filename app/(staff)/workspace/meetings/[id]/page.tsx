import { editRecordPage } from "@/components/form/record-pages";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { localized } from "@/lib/i18n/localize";
import { archiveMeeting, restoreMeeting, updateMeeting } from "@/lib/meetings/actions";
import { getMeetingFormForEdit } from "@/lib/meetings/queries";
import { paths } from "@/lib/paths";

/** Edit a meeting: its fields and child rows, archive or restore, and links to its history and public page. */
const page = editRecordPage({
  type: "meetings",
  read: getMeetingFormForEdit,
  title: (meeting, locale) => localized(locale, meeting.title.en, meeting.title.ru),
  publicPath: (meeting) => paths.meeting(meeting.slug),
  archive: archiveMeeting,
  restore: restoreMeeting,
  form: (meeting) => <MeetingForm action={updateMeeting.bind(null, meeting.id)} isNew={false} initial={meeting.values} />,
});

export const generateMetadata = page.generateMetadata;
export default page.EditRecordPage;
