import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CommitmentList } from "@/components/commitments/commitment-list";
import { Muted } from "@/components/ui/notice";
import { Section } from "@/components/ui/section";
import { listCommitments } from "@/lib/commitments/tracker";
import { localized } from "@/lib/i18n/localize";
import { toLocale } from "@/lib/i18n/locale";
import { paths } from "@/lib/paths";
import type { PairRegion } from "@/lib/regions/pair";

/** Open commitments on the pair page; the tracker, filtered to both regions, has the rest. */
export const PAIR_COMMITMENTS_LIMIT = 10;

/** The commitments still open (neither fulfilled nor lapsed) that concern both regions, as the tracker reads them. */
export async function PairCommitments({ region, partner }: { region: PairRegion; partner: PairRegion }) {
  const locale = toLocale(await getLocale());
  const [t, format, page] = await Promise.all([
    getTranslations("regionPair"),
    getFormatter(),
    listCommitments({ region: [region.slug, partner.slug], open: true, perPage: PAIR_COMMITMENTS_LIMIT }, locale),
  ]);
  const names = { region: localized(locale, region.nameEn, region.nameRu), partner: localized(locale, partner.nameEn, partner.nameRu) };
  return (
    <Section title={t("commitmentsTitle")} id="commitments">
      {page.items.length === 0 ? (
        <Muted>{t("commitmentsEmpty", names)}</Muted>
      ) : (
        <>
          {page.total > page.items.length && (
            <Muted>{t("commitmentsShown", { shown: page.items.length, formatted: format.number(page.total) })}</Muted>
          )}
          <CommitmentList items={page.items} headingLevel={3} />
        </>
      )}
      <p className="mt-4">
        <Link href={paths.commitments({ region: [region.slug, partner.slug] })} className="font-bold">
          {t("commitmentsAll", names)}
        </Link>
      </p>
    </Section>
  );
}
