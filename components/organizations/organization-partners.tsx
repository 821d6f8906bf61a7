import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { localized } from "@/lib/i18n/localize";
import type { OrganizationPage } from "@/lib/organizations/queries";
import { paths } from "@/lib/paths";

/** A joint venture's partners with their shares, and the ventures an organization holds shares in. */
export async function OrganizationPartners({ org }: { org: OrganizationPage }) {
  const [t, format, locale] = await Promise.all([getTranslations("organizations"), getFormatter(), getLocale()]);
  const regionName = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  const percent = (value: number) => format.number(value / 100, { style: "percent", maximumFractionDigits: 2 });
  const shareTotal = org.partners.reduce((sum, p) => sum + p.sharePercent, 0);
  return (
    <>
      {org.kind === "joint_venture" && (
        <Section title={t("partners")} id="partners">
          <Table
            caption={t("partnersCaption")}
            columns={[{ label: t("partner") }, { label: t("region") }, { label: t("share"), numeric: true }]}
            rows={[
              ...org.partners.map((p) =>
                p.partnerOrganization
                  ? [
                      <Link key="o" href={paths.organization(p.partnerOrganization.slug)}>
                        {localized(locale, p.partnerOrganization.nameEn, p.partnerOrganization.name)}
                      </Link>,
                      regionName(p.partnerOrganization.region),
                      percent(p.sharePercent),
                    ]
                  : [
                      <span key="r">
                        {p.partnerRegion && <Link href={paths.region(p.partnerRegion.slug)}>{regionName(p.partnerRegion)}</Link>} (
                        {t("regionalGovernment")})
                      </span>,
                      p.partnerRegion ? regionName(p.partnerRegion) : "—",
                      percent(p.sharePercent),
                    ],
              ),
              [<strong key="t">{t("sharesTotal")}</strong>, "", <strong key="v">{percent(shareTotal)}</strong>],
            ]}
          />
        </Section>
      )}

      {org.ventureShares.length > 0 && (
        <Section title={t("ventures")} id="ventures">
          <ul>
            {org.ventureShares.map((share) => (
              <li key={share.venture.slug}>
                <Link href={paths.organization(share.venture.slug)}>{localized(locale, share.venture.nameEn, share.venture.name)}</Link>:{" "}
                <span className="tabular">{percent(share.sharePercent)}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}
