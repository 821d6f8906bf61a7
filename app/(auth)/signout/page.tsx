import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth-forms";
import { PageHeading } from "@/components/ui/page-heading";

export async function generateMetadata() {
  return { title: (await getTranslations("signOut"))("title") };
}

export default async function SignOutPage() {
  const t = await getTranslations("signOut");
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <SignOutButton />
    </>
  );
}
