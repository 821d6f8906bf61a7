import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LinkEntityForm } from "@/components/link-forms";
import { paths } from "@/lib/paths";

/** What a signed-in editor sees below a meeting: links to edit it and to record a commitment made there, and the form to record what was discussed. */
export async function MeetingLinkEditor({ meeting }: { meeting: { id: number } }) {
  const t = await getTranslations("editMeeting");
  return (
    <div className="mt-12 border-t-4 border-brand pt-6">
      <ul className="mb-6 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link href={paths.staff.edit("meetings", meeting.id)} className="font-bold">
            {t("editLink")}
          </Link>
        </li>
        <li>
          <Link href={paths.staff.newRecord("commitments", { meeting: meeting.id })} className="font-bold">
            {t("recordCommitment")}
          </Link>
        </li>
      </ul>
      <LinkEntityForm meetingId={meeting.id} />
    </div>
  );
}
