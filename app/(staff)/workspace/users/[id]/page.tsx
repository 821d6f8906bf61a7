import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { SummaryList } from "@/components/ui/summary-list";
import { Tag } from "@/components/ui/tag";
import { ButtonForm } from "@/components/form/button-form";
import { ResetPasswordForm, RoleForm } from "@/components/users/user-forms";
import { RecordId } from "@/lib/actions/fields";
import { paths } from "@/lib/paths";
import { requireAdminPage } from "@/lib/auth/session";
import { changeUserRole, disableUser, enableUser, resetUserPassword } from "@/lib/users/actions";
import { getUserForAdmin } from "@/lib/users/queries";
import { formatMoment } from "@/lib/i18n/dates";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export async function generateMetadata({ params }: Props) {
  const id = RecordId.safeParse((await params).id);
  const user = id.success ? await getUserForAdmin(id.data) : null;
  return { title: user?.name };
}

const savedNotices = ["role", "disabled", "enabled"] as const;

/** Admins: one staff account: its role, disable or enable it, reset its password. */
export default async function UserPage({ params, searchParams }: Props) {
  const admin = await requireAdminPage();
  const id = RecordId.safeParse((await params).id);
  if (!id.success) notFound();
  const [user, { saved }, t, locale] = await Promise.all([getUserForAdmin(id.data), searchParams, getTranslations("users"), getLocale()]);
  if (!user) notFound();
  const notice = savedNotices.find((key) => key === saved);
  const date = (value: Date | null) => (value ? formatMoment(locale, value) : t("never"));
  return (
    <>
      <p className="mb-4">
        <Link href={paths.staff.users()}>{t("backToList")}</Link>
      </p>
      <PageHeading caption={t("title")}>
        {user.name} {user.disabled && <Tag tone="grey">{t("states.disabled")}</Tag>}
      </PageHeading>
      {notice && <Notice tone="success">{t(`saved.${notice}`)}</Notice>}
      <Section title={t("details")} id="details">
        <SummaryList
          rows={[
            [t("columns.email"), user.email],
            [t("columns.role"), t(`roles.${user.role}`)],
            [t("columns.state"), user.disabled ? t("states.disabled") : t("states.active")],
            [t("createdAt"), date(user.createdAt)],
            [t("passwordChangedAt"), user.mustChangePassword ? t("states.mustChange") : date(user.passwordChangedAt)],
          ]}
        />
      </Section>
      <Section title={t("changeRole")} id="role">
        <RoleForm action={changeUserRole.bind(null, user.id)} initial={user.values} />
      </Section>
      <Section title={t("resetTitle")} id="reset">
        <ResetPasswordForm action={resetUserPassword.bind(null, user.id)} version={user.version} />
      </Section>
      {user.id !== admin.id && (
        <Section title={user.disabled ? t("enableTitle") : t("disableTitle")} id="state">
          {user.disabled ? (
            <ButtonForm action={enableUser.bind(null, user.id)} version={user.version} hint={t("enableHint")} submitLabel={t("enable")} />
          ) : (
            <ButtonForm
              action={disableUser.bind(null, user.id)}
              version={user.version}
              hint={t("disableHint")}
              submitLabel={t("disable")}
              warning
            />
          )}
        </Section>
      )}
    </>
  );
}
