import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DemoTag } from "@/components/ui/demo-tag";
import { TableRegion } from "@/components/ui/table";
import { localized } from "@/lib/i18n/localize";
import { filterToQuery, type JointVentureDto, type JointVentureFilter, type JointVentureSort } from "@/lib/joint-ventures/schema";
import type { Page } from "@/lib/pagination";
import { paths } from "@/lib/paths";

type ColumnSpec = { key: JointVentureSort | "partners"; numeric?: boolean };
const columns: ColumnSpec[] = [
  { key: "name" },
  { key: "region" },
  { key: "sector" },
  { key: "status" },
  { key: "founded", numeric: true },
  { key: "capital", numeric: true },
  { key: "partners" },
];

/** The page of joint ventures; each sortable heading is a link that sorts by it (again: the other way). */
export async function JointVentureTable({
  page,
  filter,
  locale,
}: {
  page: Page<JointVentureDto>;
  filter: JointVentureFilter;
  locale: string;
}) {
  const [t, tOrg, format] = await Promise.all([getTranslations("jointVentures"), getTranslations("organizations"), getFormatter()]);
  const percent = (value: number) => format.number(value / 100, { style: "percent", maximumFractionDigits: 2 });
  const columnLabel = (key: ColumnSpec["key"]) => t(`columns.${key}`);

  return (
    <TableRegion labelledBy="venture-table-caption">
      <table className="w-full border-collapse text-left text-base">
        <caption id="venture-table-caption" className="sr-only">
          {t("caption", { page: page.page, pageCount: page.pageCount })},{" "}
          {t("sortedBy", { column: columnLabel(filter.sort), direction: filter.dir === "asc" ? t("asc") : t("desc") })}
        </caption>
        <thead>
          <tr>
            {columns.map(({ key, numeric }) => {
              const sorted = key === filter.sort;
              const nextDir = sorted && filter.dir === "asc" ? "desc" : "asc";
              return (
                <th
                  key={key}
                  scope="col"
                  aria-sort={sorted ? (filter.dir === "asc" ? "ascending" : "descending") : undefined}
                  className={`border-b-2 border-ink py-2 pr-4 align-bottom ${numeric ? "text-right" : ""}`}
                >
                  {key === "partners" ? (
                    columnLabel(key)
                  ) : (
                    <Link
                      href={paths.jointVentures({
                        ...filterToQuery(filter),
                        sort: key === "name" ? undefined : key,
                        dir: nextDir === "asc" ? undefined : nextDir,
                      })}
                      aria-label={
                        nextDir === "asc"
                          ? t("sortAscending", { column: columnLabel(key) })
                          : t("sortDescending", { column: columnLabel(key) })
                      }
                    >
                      {columnLabel(key)}
                      {sorted && <span aria-hidden="true">{filter.dir === "asc" ? " ▲" : " ▼"}</span>}
                    </Link>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {page.items.map((venture) => {
            const primary = venture.sectors.find((sector) => sector.primary);
            return (
              <tr key={venture.slug}>
                <th scope="row" className="border-b border-line py-2 pr-4 align-top font-normal">
                  <Link href={paths.organization(venture.slug)}>{localized(locale, venture.nameEn, venture.name)}</Link>
                  {venture.isDemo && (
                    <>
                      {" "}
                      <DemoTag />
                    </>
                  )}
                </th>
                <td className="border-b border-line py-2 pr-4 align-top">
                  {localized(locale, venture.region.nameEn, venture.region.nameRu)}
                </td>
                <td className="border-b border-line py-2 pr-4 align-top">
                  {primary ? (
                    <>
                      <span className="tabular">{primary.code}</span> {localized(locale, primary.nameEn, primary.nameRu)}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="border-b border-line py-2 pr-4 align-top">{tOrg(`statuses.${venture.status}`)}</td>
                <td className="tabular border-b border-line py-2 pr-4 text-right align-top">{venture.foundedYear ?? "—"}</td>
                <td className="tabular border-b border-line py-2 pr-4 text-right align-top whitespace-nowrap">
                  {venture.capital
                    ? format.number(venture.capital.amount, {
                        style: "currency",
                        currency: venture.capital.currency,
                        maximumFractionDigits: 0,
                      })
                    : "—"}
                </td>
                <td className="border-b border-line py-2 pr-4 align-top">
                  {venture.partners.length === 0
                    ? t("noPartners")
                    : venture.partners.map((partner, i) => {
                        const partnerName = localized(locale, partner.nameEn, partner.name);
                        return (
                          <span key={`${partner.type}:${partner.slug}`}>
                            {i > 0 && ", "}
                            {partner.type === "region" ? t("regionalGovernment", { name: partnerName }) : partnerName}{" "}
                            <span className="tabular whitespace-nowrap">{percent(partner.sharePercent)}</span>
                          </span>
                        );
                      })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}
