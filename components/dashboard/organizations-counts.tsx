import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CountTable } from "@/components/dashboard/count-table";
import { Section } from "@/components/ui/section";
import { organizationKinds, type DashboardCounts } from "@/lib/dashboard/queries";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";

/** Organizations by kind and by NACE section, each count linking to the organizations list so filtered. */
export async function OrganizationsCounts({ organizations }: { organizations: DashboardCounts["organizations"] }) {
  const [t, to, format, locale] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("organizations"),
    getFormatter(),
    getLocale(),
  ]);
  const number = (value: number) => format.number(value);
  return (
    <Section title={t("organizationsTitle")} id="organizations">
      <p className="mb-6 text-xl">
        <Link href={paths.organizations()} className="tabular font-bold">
          {t("organizationsTotal", { formatted: number(organizations.total) })}
        </Link>
      </p>
      <CountTable
        caption={t("byKindCaption")}
        labelHeading={t("kind")}
        countHeading={t("count")}
        barHeading={t("share")}
        format={number}
        rows={organizationKinds.map((kind) => ({
          key: kind,
          label: to(`kindsPlural.${kind}`),
          count: organizations.byKind[kind],
          href: paths.organizations({ kind }),
          linkLabel: t("showList", { label: to(`kindsPlural.${kind}`), formatted: number(organizations.byKind[kind]) }),
        }))}
      />
      <div className="mt-8">
        <CountTable
          caption={t("bySectionCaption")}
          labelHeading={t("section")}
          countHeading={t("count")}
          barHeading={t("share")}
          format={number}
          rows={organizations.bySection.map((section) => {
            const label = `${section.code} ${localized(locale, section.nameEn, section.nameRu)}`;
            return {
              key: section.code,
              label,
              count: section.count,
              href: paths.organizations({ sector: section.code }),
              linkLabel: t("showList", { label, formatted: number(section.count) }),
            };
          })}
        />
        <p className="mt-2 max-w-3xl text-muted">{t("bySectionNote")}</p>
      </div>
    </Section>
  );
}
