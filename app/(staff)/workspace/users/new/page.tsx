import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { NewUserForm } from "@/components/users/user-forms";
import { paths } from "@/lib/paths";
import { requireAdminPage } from "@/lib/auth/session";
import { createUser } from "@/lib/users/actions";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("newTitle") };
}

/** Admins: add a staff account; its one-time password shows here once. */
export default async function NewUserPage() {
  await requireAdminPage();
  const t = await getTranslations("users");
  return (
    <>
      <p className="mb-4">
        <Link href={paths.staff.users()}>{t("backToList")}</Link>
      </p>
      <PageHeading caption={t("title")} lead={t("newLead")}>
        {t("newTitle")}
      </PageHeading>
      <NewUserForm action={createUser} />
    </>
  );
}
