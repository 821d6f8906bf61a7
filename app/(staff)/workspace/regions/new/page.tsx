import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { RegionForm } from "@/components/regions/region-form";
import { PageHeading } from "@/components/ui/page-heading";
import { localized } from "@/lib/i18n/localize";
import { toLocale } from "@/lib/i18n/locale";
import { paths } from "@/lib/paths";
import { createRegion } from "@/lib/regions/actions";
import { listAllCountries } from "@/lib/regions/queries";
import { requireStaffPage } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("editRegion"))("newTitle") };
}

export default async function NewRegionPage() {
  await requireStaffPage();
  const locale = toLocale(await getLocale());
  const [t, tWorkspace, countries] = await Promise.all([
    getTranslations("editRegion"),
    getTranslations("workspace"),
    listAllCountries(locale),
  ]);
  return (
    <>
      <p className="mb-4">
        <Link href={paths.staff.home()}>{tWorkspace("title")}</Link>
      </p>
      <PageHeading caption={tWorkspace("records.regions")}>{t("newTitle")}</PageHeading>
      <RegionForm
        action={createRegion}
        isNew
        initial={{}}
        countries={countries.map((c) => ({ value: c.code, label: localized(locale, c.nameEn, c.nameRu) }))}
      />
    </>
  );
}
