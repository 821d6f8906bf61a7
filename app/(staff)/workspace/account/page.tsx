import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { PasswordChangeForm } from "@/components/users/user-forms";
import { paths } from "@/lib/paths";
import { requireStaffPage } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/users/actions";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("accountTitle") };
}

/** The signed-in user's own account: change the password. Staff with a one-time password are sent here first. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requireStaffPage();
  const [t, tWorkspace, { saved }] = await Promise.all([getTranslations("users"), getTranslations("workspace"), searchParams]);
  return (
    <>
      {!user.mustChangePassword && (
        <p className="mb-4">
          <Link href={paths.staff.home()}>{tWorkspace("title")}</Link>
        </p>
      )}
      <PageHeading caption={user.email} lead={t("accountLead")}>
        {t("accountTitle")}
      </PageHeading>
      {saved === "password" && !user.mustChangePassword && <Notice tone="success">{t("saved.password")}</Notice>}
      {user.mustChangePassword && <Notice>{t("mustChange")}</Notice>}
      <PasswordChangeForm action={changeOwnPassword} />
    </>
  );
}
