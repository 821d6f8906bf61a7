import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth-forms";
import { PageHeading } from "@/components/ui/page-heading";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { paths } from "@/lib/paths";

export async function generateMetadata() {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const [t, params] = await Promise.all([getTranslations("signIn"), searchParams]);
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      {/* Staff land where they were going, else on the workspace: signing in is for working. */}
      <SignInForm callbackUrl={params.callbackUrl ? safeCallbackPath(params.callbackUrl) : paths.staff.home()} />
    </>
  );
}
