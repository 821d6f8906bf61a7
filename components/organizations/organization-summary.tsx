import type { ReactNode } from "react";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { SummaryList } from "@/components/ui/summary-list";
import { localized } from "@/lib/i18n/localize";
import type { OrganizationPage } from "@/lib/organizations/queries";
import { paths } from "@/lib/paths";

type Row = [ReactNode, ReactNode];

/** What an organization is, where, in which sectors, and what is registered of it; a fact not recorded has no row. */
export async function OrganizationSummary({ org }: { org: OrganizationPage }) {
  const [t, format, locale] = await Promise.all([getTranslations("organizations"), getFormatter(), getLocale()]);
  const regionName = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  const registrationLabel =
    org.country.code === "BY" ? t("registrationNumberBY") : org.country.code === "RU" ? t("registrationNumberRU") : t("registrationNumber");
  const description = localized(locale, org.descriptionEn, org.descriptionRu);
  const capital =
    org.capitalAmount !== null && org.capitalCurrency
      ? format.number(org.capitalAmount, { style: "currency", currency: org.capitalCurrency, maximumFractionDigits: 0 })
      : null;

  const rows: (Row | null)[] = [
    [t("kind"), t(`kinds.${org.kind}`)],
    [t("status"), t(`statuses.${org.status}`)],
    [
      t("registeredName"),
      <span key="name" lang="ru">
        {org.name}
      </span>,
    ],
    org.nameEn
      ? [
          t("englishName"),
          <span key="nameEn" lang="en">
            {org.nameEn}
          </span>,
        ]
      : null,
    org.otherNames.length > 0 ? [t("otherNames"), org.otherNames.join("; ")] : null,
    [
      t("region"),
      <Link key="region" href={paths.region(org.region.slug)}>
        {regionName(org.region)}
      </Link>,
    ],
    [t("country"), regionName(org.country)],
    [
      t("sectors"),
      <ul key="sectors">
        {org.sectors.map(({ sector, isPrimary }) => (
          <li key={sector.code}>
            <Link href={paths.sector(sector.code)}>
              <span className="tabular">{sector.code}</span> {localized(locale, sector.nameEn, sector.nameRu)}
            </Link>
            {isPrimary && <span className="text-muted"> ({t("primary")})</span>}
          </li>
        ))}
      </ul>,
    ],
    org.foundedYear ? [t("foundedYear"), org.foundedYear] : null,
    org.registrationNumber
      ? [
          registrationLabel,
          <span key="registration" className="tabular">
            {org.registrationNumber}
          </span>,
        ]
      : null,
    org.website
      ? [
          t("website"),
          <a key="website" href={org.website}>
            {org.website}
          </a>,
        ]
      : null,
    capital ? [t("capital"), capital] : null,
    org.products ? [t("products"), org.products] : null,
    org.fieldsOfStudy.length > 0 ? [t("fieldsOfStudy"), org.fieldsOfStudy.join("; ")] : null,
    description ? [t("description"), description] : null,
  ];
  return <SummaryList rows={rows.filter((row) => row !== null)} />;
}
