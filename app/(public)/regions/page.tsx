import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading, Table } from "@/components/ui";
import { localized } from "@/lib/i18n";
import { listRegions } from "@/lib/regions/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("regions"))("title") };
}

export default async function RegionsPage() {
  const [t, locale, regions] = await Promise.all([getTranslations("regions"), getLocale(), listRegions()]);
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <Table
        caption={t("title")} hideCaption
        columns={[{ label: t("name") }, { label: t("country") }, { label: t("level") }, { label: t("isoCode") }, { label: t("organizationsCount"), numeric: true }]}
        rows={regions.map((region) => [
          <Link key="name" href={`/regions/${region.slug}`}>{localized(locale, region.nameEn, region.nameRu)}</Link>,
          localized(locale, region.country.nameEn, region.country.nameRu),
          t(`levels.${region.level}`),
          region.isoCode ?? "—",
          region._count.organizations,
        ])}
      />
    </>
  );
}
