import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Bar } from "@/components/dashboard/count-table";
import { Muted } from "@/components/ui/notice";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { DASHBOARD_YEARS, meetingLevels, type DashboardCounts, type MeetingYear } from "@/lib/dashboard/queries";
import { paths } from "@/lib/paths";

/** Meetings per year and level: each cell opens the meetings list of that year and level, each total that year's. */
export async function MeetingsTrend({ meetings }: { meetings: DashboardCounts["meetings"] }) {
  const [t, tm, format] = await Promise.all([getTranslations("dashboard"), getTranslations("meetings"), getFormatter()]);
  const number = (value: number) => format.number(value);
  const inWindow = meetings.byYear.reduce((sum, row) => sum + row.total, 0);
  const peak = meetings.byYear.reduce<MeetingYear | null>((best, row) => (best === null || row.total > best.total ? row : best), null);
  const largest = Math.max(1, ...meetings.byYear.map((row) => row.total));
  return (
    <Section title={t("meetingsTitle")} id="meetings">
      {meetings.total === 0 || !peak ? (
        <Muted>{t("meetingsEmpty")}</Muted>
      ) : (
        <>
          <p className="mb-2 max-w-3xl">
            {t("meetingsLead", { years: DASHBOARD_YEARS, formatted: number(meetings.total) })}{" "}
            <Link href={paths.meetings()}>{t("allMeetings")}</Link>
          </p>
          <p className="mb-4 max-w-3xl font-bold">
            {t("meetingsSummary", {
              from: String(meetings.byYear[0]?.year),
              to: String(meetings.byYear.at(-1)?.year),
              formatted: number(inWindow),
              peakYear: String(peak.year),
              peakFormatted: number(peak.total),
            })}
          </p>
          <Table
            caption={t("meetingsCaption")}
            columns={[
              { label: t("year") },
              ...meetingLevels.map((level) => ({ label: tm(`levels.${level}`), numeric: true })),
              { label: t("total"), numeric: true },
              { label: <span className="sr-only">{t("share")}</span> },
            ]}
            rows={[...meetings.byYear].reverse().map((row) => [
              <span key="y" className="tabular whitespace-nowrap">
                {row.year}
              </span>,
              ...meetingLevels.map((level) =>
                row.byLevel[level] === 0 ? (
                  number(0)
                ) : (
                  <Link
                    key={level}
                    href={paths.meetings({ year: row.year, level })}
                    aria-label={t("showList", { label: `${row.year}, ${tm(`levels.${level}`)}`, formatted: number(row.byLevel[level]) })}
                  >
                    {number(row.byLevel[level])}
                  </Link>
                ),
              ),
              row.total === 0 ? (
                number(0)
              ) : (
                <Link
                  key="t"
                  href={paths.meetings({ year: row.year })}
                  className="font-bold"
                  aria-label={t("showList", { label: `${row.year}, ${t("total")}`, formatted: number(row.total) })}
                >
                  {number(row.total)}
                </Link>
              ),
              <Bar key="b" value={row.total} largest={largest} narrow />,
            ])}
          />
        </>
      )}
    </Section>
  );
}
