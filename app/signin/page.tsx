import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth-forms";
import { PageHeading } from "@/components/ui";

export async function generateMetadata() {
  return { title: (await getTranslations("signIn"))("title") };
}

/** Only same-site paths may be returned to after signing in. */
function safeCallback(value: string | string[] | undefined) {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const [t, params] = await Promise.all([getTranslations("signIn"), searchParams]);
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <SignInForm callbackUrl={safeCallback(params.callbackUrl)} />
    </>
  );
}
