import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/section";
import { paths } from "@/lib/paths";

/** Where to go next: the analysis pages first (trade, commitments, the dashboard), then the lists of records. */
export async function ExploreLinks() {
  const t = await getTranslations("home");
  const cards = [
    { href: paths.trade(), title: t("trade"), text: t("tradeText") },
    { href: paths.commitments(), title: t("commitments"), text: t("commitmentsText") },
    { href: paths.dashboard(), title: t("dashboard"), text: t("dashboardText") },
    { href: paths.regions(), title: t("regions"), text: t("regionsText") },
    { href: paths.organizations(), title: t("organizations"), text: t("organizationsText") },
    { href: paths.jointVentures(), title: t("jointVentures"), text: t("jointVenturesText") },
    { href: paths.meetings(), title: t("meetings"), text: t("meetingsText") },
    { href: paths.sectors(), title: t("sectors"), text: t("sectorsText") },
  ];
  return (
    <Section title={t("exploreTitle")} id="explore">
      <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((card) => (
          <li key={card.href} className="border-t-4 border-brand pt-3">
            <h3 className="text-xl font-bold">
              <Link href={card.href}>{card.title}</Link>
            </h3>
            <p>{card.text}</p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
