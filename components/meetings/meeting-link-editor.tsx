import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LinkEntityForm } from "@/components/link-forms";
import { paths } from "@/lib/paths";

/** What a signed-in editor sees below a meeting: a link to edit it and the form to record what was discussed. */
export async function MeetingLinkEditor({ meeting }: { meeting: { id: number } }) {
  const t = await getTranslations("editMeeting");
  return (
    <div className="mt-12 border-t-4 border-brand pt-6">
      <p className="mb-6">
        <Link href={paths.staff.edit("meetings", meeting.id)} className="font-bold">
          {t("editLink")}
        </Link>
      </p>
      <LinkEntityForm meetingId={meeting.id} />
    </div>
  );
}
