import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CommitmentForm } from "@/components/commitments/commitment-form";
import { PageHeading } from "@/components/ui/page-heading";
import type { FormValues } from "@/lib/actions/form-state";
import { RecordId } from "@/lib/actions/fields";
import { createCommitment } from "@/lib/commitments/actions";
import { getMeetingChoice } from "@/lib/commitments/queries";
import { paths } from "@/lib/paths";
import { requireStaffPage } from "@/lib/auth/session";

type Props = { searchParams: Promise<{ meeting?: string | string[] }> };

export async function generateMetadata() {
  return { title: (await getTranslations("editCommitment"))("newTitle") };
}

/** Record a commitment; `?meeting=<id>` (from a meeting's page) chooses its meeting in advance. */
export default async function NewCommitmentPage({ searchParams }: Props) {
  await requireStaffPage();
  const [locale, t, tWorkspace, { meeting: meetingParam }] = await Promise.all([
    getLocale(),
    getTranslations("editCommitment"),
    getTranslations("workspace"),
    searchParams,
  ]);
  const meetingId = RecordId.safeParse(typeof meetingParam === "string" ? meetingParam : undefined);
  const meeting = meetingId.success ? await getMeetingChoice(meetingId.data, locale) : null;
  const initial: FormValues = meeting ? { meetingId: String(meeting.id), meetingId__label: meeting.label } : {};
  return (
    <>
      <p className="mb-4">
        <Link href={paths.staff.home()}>{tWorkspace("title")}</Link>
      </p>
      <PageHeading caption={tWorkspace("records.commitments")}>{t("newTitle")}</PageHeading>
      <CommitmentForm action={createCommitment} isNew initial={initial} />
    </>
  );
}
