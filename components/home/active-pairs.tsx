import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Muted } from "@/components/ui/notice";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";
import type { ActivePair } from "@/lib/regions/queries";

/** The region pairs that do the most together, each opening the two regions side by side. */
export async function ActivePairs({ pairs }: { pairs: ActivePair[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("home"), getFormatter(), getLocale()]);
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  return (
    <Section title={t("pairsTitle")} id="pairs">
      {pairs.length === 0 ? (
        <Muted>{t("pairsEmpty")}</Muted>
      ) : (
        <>
          <p className="mb-4 max-w-3xl">{t("pairsLead")}</p>
          <Table
            caption={t("pairsCaption")}
            hideCaption
            columns={[
              { label: t("columnPair") },
              { label: t("columnMeetings"), numeric: true },
              { label: t("columnVentures"), numeric: true },
              { label: t("columnTradeYears"), numeric: true },
            ]}
            rows={pairs.map((pair) => [
              <Link key="p" href={paths.regionPair(pair.region.slug, pair.partner.slug)}>
                {t("pairName", { region: name(pair.region), partner: name(pair.partner) })}
              </Link>,
              format.number(pair.meetings),
              format.number(pair.ventures),
              format.number(pair.tradeYears),
            ])}
          />
        </>
      )}
    </Section>
  );
}
