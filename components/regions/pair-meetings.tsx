import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DemoTag } from "@/components/ui/demo-tag";
import { Muted } from "@/components/ui/notice";
import { Section } from "@/components/ui/section";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";
import type { Bounded, PairMeeting, PairRegion } from "@/lib/regions/pair";
import { formatDay } from "@/lib/i18n/dates";

/** The meetings the two regions held together, newest first, as a timeline; the meetings list has the rest. */
export async function PairMeetings({
  meetings,
  region,
  partner,
}: {
  meetings: Bounded<PairMeeting>;
  region: PairRegion;
  partner: PairRegion;
}) {
  const [t, tm, format, locale] = await Promise.all([
    getTranslations("regionPair"),
    getTranslations("meetings"),
    getFormatter(),
    getLocale(),
  ]);
  const name = (r: { nameEn: string; nameRu: string }) => localized(locale, r.nameEn, r.nameRu);
  return (
    <Section title={t("meetingsTitle")} id="meetings">
      {meetings.items.length === 0 ? (
        <Muted>{t("meetingsEmpty", { region: name(region), partner: name(partner) })}</Muted>
      ) : (
        <>
          {meetings.total > meetings.items.length && (
            <Muted>{t("meetingsLatest", { shown: meetings.items.length, formatted: format.number(meetings.total) })}</Muted>
          )}
          <ol className="mt-4 ml-2 max-w-3xl border-l-4 border-line">
            {meetings.items.map((meeting) => (
              <li key={meeting.id} className="relative pb-6 pl-6">
                <span aria-hidden className="absolute top-2 -left-[10px] h-4 w-4 rounded-full bg-brand" />
                <p className="text-muted">
                  <time dateTime={meeting.date.toISOString().slice(0, 10)}>{formatDay(locale, meeting.date)}</time>
                  {" · "}
                  {tm(`levels.${meeting.level}`)}
                  {meeting.placeEn || meeting.placeRu ? ` · ${localized(locale, meeting.placeEn, meeting.placeRu)}` : ""}
                </p>
                <p className="font-bold">
                  <Link href={paths.meeting(meeting.slug)}>{localized(locale, meeting.titleEn, meeting.titleRu)}</Link>{" "}
                  {meeting.isDemo && <DemoTag />}
                </p>
              </li>
            ))}
          </ol>
          {meetings.total > meetings.items.length && (
            <p>
              {/* The meetings list filters by one region; the pair's meetings are among that region's. */}
              <Link href={paths.meetings({ region: region.slug })} className="font-bold">
                {t("meetingsAllOf", { region: name(region) })}
              </Link>
            </p>
          )}
        </>
      )}
    </Section>
  );
}
