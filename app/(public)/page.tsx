import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DemoTag } from "@/components/ui/demo-tag";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { localized } from "@/lib/i18n/localize";
import { listLatestMeetings } from "@/lib/meetings/queries";
import { paths } from "@/lib/paths";

export default async function HomePage() {
  const [t, tm, format, locale, meetings] = await Promise.all([
    getTranslations("home"),
    getTranslations("meetings"),
    getFormatter(),
    getLocale(),
    listLatestMeetings(),
  ]);
  const cards = [
    { href: paths.regions(), title: t("regions"), text: t("regionsText") },
    { href: paths.organizations(), title: t("organizations"), text: t("organizationsText") },
    { href: paths.sectors(), title: t("sectors"), text: t("sectorsText") },
    { href: paths.jointVentures(), title: t("jointVentures"), text: t("jointVenturesText") },
    { href: paths.meetings(), title: t("meetings"), text: t("meetingsText") },
  ];
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <Section title={t("browse")} id="browse">
        <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
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
      <Section title={t("recentMeetings")} id="recent">
        <ul className="max-w-3xl">
          {meetings.map((meeting) => (
            <li key={meeting.slug} className="border-b border-line py-3">
              <p className="text-muted">
                {format.dateTime(meeting.date, { dateStyle: "long" })} · {tm(`levels.${meeting.level}`)}
              </p>
              <Link href={paths.meeting(meeting.slug)} className="font-bold">
                {localized(locale, meeting.titleEn, meeting.titleRu)}
              </Link>{" "}
              {meeting.isDemo && <DemoTag />}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
