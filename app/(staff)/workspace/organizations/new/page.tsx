import { newRecordPage } from "@/components/form/record-pages";
import { OrganizationForm } from "@/components/organizations/organization-form";
import { createOrganization } from "@/lib/organizations/actions";

/** Add an enterprise, a university or a joint venture; likely duplicates are listed before it is saved. */
const page = newRecordPage({
  type: "organizations",
  form: () => <OrganizationForm action={createOrganization} isNew initial={{ status: "active" }} />,
});

export const generateMetadata = page.generateMetadata;
export default page.NewRecordPage;
