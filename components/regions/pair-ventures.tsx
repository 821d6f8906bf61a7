import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DemoTag } from "@/components/ui/demo-tag";
import { Muted } from "@/components/ui/notice";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";
import type { Bounded, PairRegion, PairVenture } from "@/lib/regions/pair";

/** The joint ventures with partners on both sides, each with its partners and their shares. */
export async function PairVentures({
  ventures,
  region,
  partner,
}: {
  ventures: Bounded<PairVenture>;
  region: PairRegion;
  partner: PairRegion;
}) {
  const [t, to, format, locale] = await Promise.all([
    getTranslations("regionPair"),
    getTranslations("organizations"),
    getFormatter(),
    getLocale(),
  ]);
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  const percent = (value: number) => format.number(value / 100, { style: "percent", maximumFractionDigits: 2 });
  return (
    <Section title={t("venturesTitle")} id="ventures">
      <p className="mb-4 max-w-3xl">{t("venturesLead")}</p>
      {ventures.items.length === 0 ? (
        <Muted>{t("venturesEmpty")}</Muted>
      ) : (
        <>
          {ventures.total > ventures.items.length && (
            <Muted>{t("venturesShown", { shown: ventures.items.length, formatted: format.number(ventures.total) })}</Muted>
          )}
          <Table
            caption={t("venturesCaption", { region: name(region), partner: name(partner) })}
            hideCaption
            columns={[
              { label: t("columnVenture") },
              { label: t("columnRegion") },
              { label: <span className="whitespace-nowrap">{t("columnStatus")}</span> },
              { label: t("columnPartners") },
            ]}
            rows={ventures.items.map((venture) => [
              <span key="n">
                <Link href={paths.organization(venture.slug)}>{localized(locale, venture.nameEn, venture.name)}</Link>{" "}
                {venture.isDemo && <DemoTag />}
              </span>,
              name(venture.region),
              <span key="s" className="whitespace-nowrap">
                {to(`statuses.${venture.status}`)}
              </span>,
              <ul key="p">
                {venture.partners.map((p, i) => (
                  <li key={i}>
                    {p.organization ? (
                      <Link href={paths.organization(p.organization.slug)}>
                        {localized(locale, p.organization.nameEn, p.organization.name)}
                      </Link>
                    ) : (
                      t("governmentOf", { region: name(p.region) })
                    )}
                    {p.organization ? ` (${name(p.region)})` : ""}, {t("share", { share: percent(p.sharePercent) })}
                  </li>
                ))}
              </ul>,
            ])}
          />
        </>
      )}
    </Section>
  );
}
