import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DemoTag } from "@/components/ui/demo-tag";
import { Muted } from "@/components/ui/notice";
import { Table } from "@/components/ui/table";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";
import type { Bounded, PairOrganization, PairRegion } from "@/lib/regions/pair";

/** The enterprises and universities of one side that took part, the most involved first. */
export async function PairOrganizations({ organizations, side }: { organizations: Bounded<PairOrganization>; side: PairRegion }) {
  const [t, to, format, locale] = await Promise.all([
    getTranslations("regionPair"),
    getTranslations("organizations"),
    getFormatter(),
    getLocale(),
  ]);
  const sideName = localized(locale, side.nameEn, side.nameRu);
  const headingId = `organizations-${side.slug}`;
  return (
    <section className="mt-6" aria-labelledby={headingId}>
      <h3 id={headingId} className="mb-3 text-xl font-bold">
        {t("organizationsFrom", { region: sideName })}
      </h3>
      {organizations.items.length === 0 ? (
        <Muted>{t("organizationsEmpty", { region: sideName })}</Muted>
      ) : (
        <>
          {organizations.total > organizations.items.length && (
            <Muted>{t("organizationsShown", { shown: organizations.items.length, formatted: format.number(organizations.total) })}</Muted>
          )}
          <Table
            caption={t("organizationsCaption", { region: sideName })}
            hideCaption
            columns={[
              { label: t("columnOrganization") },
              { label: t("columnKind") },
              { label: t("columnRegion") },
              { label: <span className="[overflow-wrap:normal]">{t("columnMeetings")}</span>, numeric: true },
              { label: <span className="[overflow-wrap:normal]">{t("columnVentures")}</span>, numeric: true },
            ]}
            rows={organizations.items.map((org) => [
              <span key="n">
                <Link href={paths.organization(org.slug)}>{localized(locale, org.nameEn, org.name)}</Link> {org.isDemo && <DemoTag />}
              </span>,
              <span key="k" className="whitespace-nowrap">
                {to(`kinds.${org.kind}`)}
              </span>,
              localized(locale, org.region.nameEn, org.region.nameRu),
              format.number(org.meetings),
              format.number(org.ventures),
            ])}
          />
        </>
      )}
    </section>
  );
}
