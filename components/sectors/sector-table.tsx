import Link from "next/link";
import { getFormatter, getLocale } from "next-intl/server";
import { Table } from "@/components/ui/table";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";
import type { SectorCount } from "@/lib/sectors/queries";

/** Sectors with how many organizations each holds; a section's divisions are indented under it. */
export async function SectorTable({
  rows,
  caption,
  labels,
}: {
  rows: (SectorCount & { isDivision?: boolean })[];
  caption: string;
  labels: { code: string; sector: string; organizations: string };
}) {
  const [format, locale] = await Promise.all([getFormatter(), getLocale()]);
  return (
    <Table
      caption={caption}
      hideCaption
      columns={[{ label: labels.code }, { label: labels.sector }, { label: labels.organizations, numeric: true }]}
      rows={rows.map((sector) => [
        <span key="c" className={`tabular ${sector.isDivision ? "pl-4" : "font-bold"}`}>
          {sector.code}
        </span>,
        <Link key="n" href={paths.sector(sector.code)} className={sector.isDivision ? "inline-block pl-4" : "font-bold"}>
          {localized(locale, sector.nameEn, sector.nameRu)}
        </Link>,
        format.number(sector.organizations),
      ])}
    />
  );
}
