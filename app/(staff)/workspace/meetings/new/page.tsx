import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { PageHeading } from "@/components/ui/page-heading";
import { createMeeting } from "@/lib/meetings/actions";
import { paths } from "@/lib/paths";
import { requireStaffPage } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("editMeeting"))("newTitle") };
}

export default async function NewMeetingPage() {
  await requireStaffPage();
  const [t, tWorkspace] = await Promise.all([getTranslations("editMeeting"), getTranslations("workspace")]);
  return (
    <>
      <p className="mb-4">
        <Link href={paths.staff.home()}>{tWorkspace("title")}</Link>
      </p>
      <PageHeading caption={tWorkspace("records.meetings")}>{t("newTitle")}</PageHeading>
      <MeetingForm action={createMeeting} isNew initial={{}} />
    </>
  );
}
