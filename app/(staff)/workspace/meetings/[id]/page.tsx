import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { ArchiveForm } from "@/components/workspace/archive-form";
import { RecordHeader } from "@/components/workspace/record-header";
import { localized } from "@/lib/i18n/localize";
import { toLocale } from "@/lib/i18n/locale";
import { archiveMeeting, restoreMeeting, updateMeeting } from "@/lib/meetings/actions";
import { getMeetingForEdit } from "@/lib/meetings/queries";
import { BoundId } from "@/lib/meetings/schema";
import { paths } from "@/lib/paths";
import { requireStaffPage } from "@/lib/auth/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export async function generateMetadata({ params }: Props) {
  const id = BoundId.safeParse((await params).id);
  const locale = toLocale(await getLocale());
  const meeting = id.success ? await getMeetingForEdit(id.data, locale) : null;
  return { title: meeting ? localized(locale, meeting.title.en, meeting.title.ru) : undefined };
}

/** Edit a meeting: its fields and child rows, archive or restore, and links to its history and public page. */
export default async function EditMeetingPage({ params, searchParams }: Props) {
  await requireStaffPage();
  const id = BoundId.safeParse((await params).id);
  if (!id.success) notFound();
  const locale = toLocale(await getLocale());
  const [meeting, { saved }] = await Promise.all([getMeetingForEdit(id.data, locale), searchParams]);
  if (!meeting) notFound();
  return (
    <>
      <RecordHeader
        type="meetings"
        id={meeting.id}
        title={localized(locale, meeting.title.en, meeting.title.ru)}
        archived={meeting.archived}
        saved={saved}
        publicPath={paths.meeting(meeting.slug)}
      />
      {!meeting.archived && <MeetingForm action={updateMeeting.bind(null, meeting.id)} isNew={false} initial={meeting.values} />}
      <ArchiveForm
        action={(meeting.archived ? restoreMeeting : archiveMeeting).bind(null, meeting.id)}
        version={meeting.version}
        archived={meeting.archived}
      />
    </>
  );
}
