import { getLocale, getTranslations } from "next-intl/server";
import { CommitmentsCounts } from "@/components/dashboard/commitments-counts";
import { FoundedTrend } from "@/components/dashboard/founded-trend";
import { MeetingsTrend } from "@/components/dashboard/meetings-trend";
import { OrganizationsCounts } from "@/components/dashboard/organizations-counts";
import { TradeRanking } from "@/components/dashboard/trade-ranking";
import { PageHeading } from "@/components/ui/page-heading";
import { getDashboard } from "@/lib/dashboard/queries";
import { toLocale } from "@/lib/i18n/locale";

export async function generateMetadata() {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage() {
  const locale = toLocale(await getLocale());
  const [t, dashboard] = await Promise.all([getTranslations("dashboard"), getDashboard(locale)]);
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <OrganizationsCounts organizations={dashboard.organizations} />
      <FoundedTrend founded={dashboard.founded} />
      <MeetingsTrend meetings={dashboard.meetings} />
      <CommitmentsCounts counts={dashboard.commitments} />
      <TradeRanking trade={dashboard.trade} />
    </>
  );
}
