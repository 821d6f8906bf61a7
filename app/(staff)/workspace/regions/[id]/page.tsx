import { editRecordPage } from "@/components/form/record-pages";
import { RegionForm } from "@/components/regions/region-form";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";
import { archiveRegion, restoreRegion, updateRegion } from "@/lib/regions/actions";
import { getRegionForEdit, listAllCountries } from "@/lib/regions/queries";

/** Edit a region: its fields, archive or restore, and links to its history and public page. */
const page = editRecordPage({
  type: "regions",
  read: (id) => getRegionForEdit(id),
  title: (region, locale) => localized(locale, region.name.en, region.name.ru),
  publicPath: (region) => paths.region(region.slug),
  archive: archiveRegion,
  restore: restoreRegion,
  form: async (region, locale) => (
    <RegionForm
      action={updateRegion.bind(null, region.id)}
      isNew={false}
      initial={region.values}
      countries={await listAllCountries(locale)}
    />
  ),
});

export const generateMetadata = page.generateMetadata;
export default page.EditRecordPage;
