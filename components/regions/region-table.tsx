import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Table } from "@/components/ui/table";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";
import type { RegionRow } from "@/lib/regions/queries";

/** The rows of the regions list, each with its number of organizations linking to them. */
export async function RegionTable({ rows }: { rows: RegionRow[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("regions"), getFormatter(), getLocale()]);
  return (
    <Table
      caption={t("title")}
      hideCaption
      columns={[
        { label: t("name") },
        { label: t("country") },
        { label: t("level") },
        { label: t("isoCode") },
        { label: t("organizationsCount"), numeric: true },
      ]}
      rows={rows.map((region) => [
        <Link key="name" href={paths.region(region.slug)}>
          {localized(locale, region.nameEn, region.nameRu)}
        </Link>,
        localized(locale, region.country.nameEn, region.country.nameRu),
        t(`levels.${region.level}`),
        region.isoCode ?? "—",
        region.organizations > 0 ? (
          <Link
            key="o"
            href={paths.organizations({ region: region.slug })}
            aria-label={`${format.number(region.organizations)} ${t("organizationsCount")}: ${localized(locale, region.nameEn, region.nameRu)}`}
          >
            {format.number(region.organizations)}
          </Link>
        ) : (
          "0"
        ),
      ])}
    />
  );
}
