import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { OrganizationForm } from "@/components/organizations/organization-form";
import { ArchiveForm } from "@/components/workspace/archive-form";
import { RecordHeader } from "@/components/workspace/record-header";
import { RecordId } from "@/lib/actions/fields";
import { localized } from "@/lib/i18n/localize";
import { toLocale } from "@/lib/i18n/locale";
import { archiveOrganization, restoreOrganization, updateOrganization } from "@/lib/organizations/actions";
import { getOrganizationForEdit } from "@/lib/organizations/queries";
import { paths } from "@/lib/paths";
import { requireStaffPage } from "@/lib/auth/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export async function generateMetadata({ params }: Props) {
  const id = RecordId.safeParse((await params).id);
  const organization = id.success ? await getOrganizationForEdit(id.data) : null;
  return { title: organization ? localized(await getLocale(), organization.nameEn ?? organization.name, organization.name) : undefined };
}

/** Edit an organization of any kind: its fields, sectors and partners, archive or restore, and links to its history and public page. */
export default async function EditOrganizationPage({ params, searchParams }: Props) {
  await requireStaffPage();
  const id = RecordId.safeParse((await params).id);
  if (!id.success) notFound();
  const locale = toLocale(await getLocale());
  const [organization, { saved }] = await Promise.all([getOrganizationForEdit(id.data, locale), searchParams]);
  if (!organization) notFound();
  return (
    <>
      <RecordHeader
        type="organizations"
        id={organization.id}
        title={localized(locale, organization.nameEn ?? organization.name, organization.name)}
        archived={organization.archived}
        saved={saved}
        publicPath={paths.organization(organization.slug)}
      />
      {!organization.archived && (
        <OrganizationForm action={updateOrganization.bind(null, organization.id)} isNew={false} initial={organization.values} />
      )}
      <ArchiveForm
        action={(organization.archived ? restoreOrganization : archiveOrganization).bind(null, organization.id)}
        version={organization.version}
        archived={organization.archived}
      />
    </>
  );
}
