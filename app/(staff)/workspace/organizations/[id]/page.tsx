import { editRecordPage } from "@/components/form/record-pages";
import { OrganizationForm } from "@/components/organizations/organization-form";
import { localized } from "@/lib/i18n/localize";
import { archiveOrganization, restoreOrganization, updateOrganization } from "@/lib/organizations/actions";
import { getOrganizationForEdit } from "@/lib/organizations/queries";
import { paths } from "@/lib/paths";

/** Edit an organization of any kind: its fields, sectors and partners, archive or restore, and links to its history and public page. */
const page = editRecordPage({
  type: "organizations",
  read: getOrganizationForEdit,
  title: (organization, locale) => localized(locale, organization.nameEn ?? organization.name, organization.name),
  publicPath: (organization) => paths.organization(organization.slug),
  archive: archiveOrganization,
  restore: restoreOrganization,
  form: (organization) => (
    <OrganizationForm action={updateOrganization.bind(null, organization.id)} isNew={false} initial={organization.values} />
  ),
});

export const generateMetadata = page.generateMetadata;
export default page.EditRecordPage;
