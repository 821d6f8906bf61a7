import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Muted } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { Table } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { Pagination } from "@/components/ui/pagination";
import { paths } from "@/lib/paths";
import { requireAdminPage } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/queries";
import { UserListSchema } from "@/lib/users/schema";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

/** Admins: every staff account, a page at a time, with its role and state. */
export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const params = UserListSchema.parse(await searchParams);
  const [t, tWorkspace, users] = await Promise.all([getTranslations("users"), getTranslations("workspace"), listUsers(params)]);
  return (
    <>
      <p className="mb-4">
        <Link href={paths.staff.home()}>{tWorkspace("title")}</Link>
      </p>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <p className="mb-8">
        <Link href={paths.staff.newUser()} className="button inline-block text-white! no-underline">
          {t("newUser")}
        </Link>
      </p>
      {users.total === 0 ? (
        <Muted>{t("none")}</Muted>
      ) : (
        <>
          <Table
            caption={t("list")}
            hideCaption
            columns={[
              { label: t("columns.name") },
              { label: t("columns.email") },
              { label: t("columns.role") },
              { label: t("columns.state") },
            ]}
            rows={users.items.map((user) => [
              <Link key="name" href={paths.staff.user(user.id)}>
                {user.name}
              </Link>,
              user.email,
              t(`roles.${user.role}`),
              <span key="state" className="flex flex-wrap gap-2">
                {user.disabled ? <Tag tone="grey">{t("states.disabled")}</Tag> : <Tag tone="green">{t("states.active")}</Tag>}
                {user.mustChangePassword && <Tag tone="yellow">{t("states.mustChange")}</Tag>}
              </span>,
            ])}
          />
          <Pagination
            page={users}
            href={(page) => paths.staff.users({ page, perPage: params.perPage === 25 ? undefined : params.perPage })}
          />
        </>
      )}
    </>
  );
}
