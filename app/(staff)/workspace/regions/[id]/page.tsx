import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { RegionForm } from "@/components/regions/region-form";
import { ArchiveForm } from "@/components/workspace/archive-form";
import { RecordHeader } from "@/components/workspace/record-header";
import { RecordId } from "@/lib/actions/fields";
import { localized } from "@/lib/i18n/localize";
import { toLocale } from "@/lib/i18n/locale";
import { paths } from "@/lib/paths";
import { archiveRegion, restoreRegion, updateRegion } from "@/lib/regions/actions";
import { getRegionForEdit, listAllCountries } from "@/lib/regions/queries";
import { requireStaffPage } from "@/lib/auth/session";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export async function generateMetadata({ params }: Props) {
  const id = RecordId.safeParse((await params).id);
  const region = id.success ? await getRegionForEdit(id.data) : null;
  return { title: region ? localized(await getLocale(), region.name.en, region.name.ru) : undefined };
}

/** Edit a region: its fields, archive or restore, and links to its history and public page. */
export default async function EditRegionPage({ params, searchParams }: Props) {
  await requireStaffPage();
  const id = RecordId.safeParse((await params).id);
  if (!id.success) notFound();
  const locale = toLocale(await getLocale());
  const [region, countries, { saved }] = await Promise.all([getRegionForEdit(id.data), listAllCountries(locale), searchParams]);
  if (!region) notFound();
  return (
    <>
      <RecordHeader
        type="regions"
        id={region.id}
        title={localized(locale, region.name.en, region.name.ru)}
        archived={region.archived}
        saved={saved}
        publicPath={paths.region(region.slug)}
      />
      {!region.archived && (
        <RegionForm
          action={updateRegion.bind(null, region.id)}
          isNew={false}
          initial={region.values}
          countries={countries.map((c) => ({ value: c.code, label: localized(locale, c.nameEn, c.nameRu) }))}
        />
      )}
      <ArchiveForm
        action={(region.archived ? restoreRegion : archiveRegion).bind(null, region.id)}
        version={region.version}
        archived={region.archived}
      />
    </>
  );
}
