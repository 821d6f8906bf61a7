import { newRecordPage } from "@/components/form/record-pages";
import { RegionForm } from "@/components/regions/region-form";
import { createRegion } from "@/lib/regions/actions";
import { listAllCountries } from "@/lib/regions/queries";

/** Add a region. */
const page = newRecordPage({
  type: "regions",
  form: async ({ locale }) => <RegionForm action={createRegion} isNew initial={{}} countries={await listAllCountries(locale)} />,
});

export const generateMetadata = page.generateMetadata;
export default page.NewRecordPage;
