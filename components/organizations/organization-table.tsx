import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DemoTag } from "@/components/ui/demo-tag";
import { Table } from "@/components/ui/table";
import { localized } from "@/lib/i18n/localize";
import type { OrganizationRow } from "@/lib/organizations/queries";
import { paths } from "@/lib/paths";

/** The rows of an organizations list: on /organizations, a sector's page and a region's page. */
export async function OrganizationTable({
  rows,
  caption,
  hideCaption = true,
  showRegion = true,
}: {
  rows: OrganizationRow[];
  caption: string;
  hideCaption?: boolean;
  showRegion?: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations("organizations"), getLocale()]);
  const columns = [
    { label: t("name") },
    { label: t("kind") },
    ...(showRegion ? [{ label: t("region") }] : []),
    { label: t("primarySector") },
    { label: t("status") },
  ];
  return (
    <Table
      caption={caption}
      hideCaption={hideCaption}
      columns={columns}
      rows={rows.map((org) => {
        const sector = org.primarySector;
        return [
          <span key="n">
            <Link href={paths.organization(org.slug)}>{localized(locale, org.nameEn, org.name)}</Link> {org.isDemo && <DemoTag />}
          </span>,
          t(`kinds.${org.kind}`),
          ...(showRegion ? [localized(locale, org.region.nameEn, org.region.nameRu)] : []),
          sector ? (
            <span key="s">
              <span className="tabular">{sector.code}</span> {localized(locale, sector.nameEn, sector.nameRu)}
            </span>
          ) : (
            "—"
          ),
          t(`statuses.${org.status}`),
        ];
      })}
    />
  );
}
