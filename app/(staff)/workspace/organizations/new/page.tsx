import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OrganizationForm } from "@/components/organizations/organization-form";
import { PageHeading } from "@/components/ui/page-heading";
import { createOrganization } from "@/lib/organizations/actions";
import { paths } from "@/lib/paths";
import { requireStaffPage } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("editOrganization"))("newTitle") };
}

/** Add an enterprise, a university or a joint venture; likely duplicates are listed before it is saved. */
export default async function NewOrganizationPage() {
  await requireStaffPage();
  const [t, tWorkspace] = await Promise.all([getTranslations("editOrganization"), getTranslations("workspace")]);
  return (
    <>
      <p className="mb-4">
        <Link href={paths.staff.home()}>{tWorkspace("title")}</Link>
      </p>
      <PageHeading caption={tWorkspace("records.organizations")}>{t("newTitle")}</PageHeading>
      <OrganizationForm action={createOrganization} isNew initial={{ status: "active" }} />
    </>
  );
}
