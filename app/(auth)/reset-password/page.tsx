import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { PasswordResetForm } from "@/components/users/user-forms";
import { pickNamespaces, staffClientNamespaces } from "@/lib/i18n/catalogue";
import { resetPasswordWithToken } from "@/lib/users/actions";
import { isResetTokenUsable } from "@/lib/users/queries";
import { ResetTokenSchema } from "@/lib/users/schema";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("resetPageTitle") };
}

/**
 * Sets a new password from an admin's one-time link. Public, since the user cannot sign in; the token is
 * checked here to say at once when a link is spent, and again by the action, which uses it up.
 */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [t, messages, { token }] = await Promise.all([getTranslations("users"), getMessages(), searchParams]);
  const parsed = ResetTokenSchema.safeParse(token);
  if (!parsed.success || !(await isResetTokenUsable(parsed.data))) {
    return <PageHeading lead={t("linkInvalidText")}>{t("linkInvalidTitle")}</PageHeading>;
  }
  // The reader is signed out, so the root layout sent only the public catalogues; this form needs the workspace's.
  return (
    <NextIntlClientProvider messages={pickNamespaces(messages as Record<string, Record<string, unknown>>, staffClientNamespaces)}>
      <PageHeading lead={t("resetPageLead")}>{t("resetPageTitle")}</PageHeading>
      <PasswordResetForm action={resetPasswordWithToken} token={parsed.data} />
    </NextIntlClientProvider>
  );
}
