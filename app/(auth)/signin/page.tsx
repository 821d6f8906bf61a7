import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth-forms";
import { PageHeading } from "@/components/ui/page-heading";
import { safeCallbackPath } from "@/lib/http/safe-redirect";

export async function generateMetadata() {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const [t, params] = await Promise.all([getTranslations("signIn"), searchParams]);
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <SignInForm callbackUrl={safeCallbackPath(params.callbackUrl)} />
    </>
  );
}
