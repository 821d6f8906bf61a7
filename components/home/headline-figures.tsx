import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { paths } from "@/lib/paths";

export type Headline = {
  organizations: number;
  ventures: number;
  meetings: number;
  openCommitments: number;
  trade: { year: number; turnoverUsd: number } | null;
};

/** The registry in five figures, each opening the list it counts. */
export async function HeadlineFigures({ figures }: { figures: Headline }) {
  const [t, format] = await Promise.all([getTranslations("home"), getFormatter()]);
  const usd = (value: number) =>
    format.number(value, { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });
  const items = [
    { label: t("figureOrganizations"), value: format.number(figures.organizations), href: paths.organizations() },
    { label: t("figureVentures"), value: format.number(figures.ventures), href: paths.jointVentures() },
    { label: t("figureMeetings"), value: format.number(figures.meetings), href: paths.meetings() },
    { label: t("figureOpenCommitments"), value: format.number(figures.openCommitments), href: paths.commitments({ open: 1 }) },
    figures.trade
      ? {
          label: t("figureTrade", { year: figures.trade.year }),
          value: usd(figures.trade.turnoverUsd),
          href: paths.trade({ year: figures.trade.year }),
        }
      : { label: t("figureTradeNone"), value: t("figureTradeEmpty"), href: paths.trade() },
  ];
  return (
    <section aria-labelledby="figures" className="mt-2">
      <h2 id="figures" className="sr-only">
        {t("figuresTitle")}
      </h2>
      <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
        {items.map((item) => (
          <li key={item.href} className="border-l-4 border-brand bg-panel px-4 py-3">
            <Link href={item.href} className="block no-underline">
              <span className="tabular block text-3xl font-bold whitespace-nowrap">{item.value}</span>
              <span className="block underline underline-offset-2">{item.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
