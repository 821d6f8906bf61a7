import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DemoTag } from "@/components/ui/demo-tag";
import { Muted } from "@/components/ui/notice";
import { Section } from "@/components/ui/section";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";
import type { TimelineEntry } from "@/lib/meetings/timeline";
import { formatDay } from "@/lib/i18n/dates";

/**
 * An entity's latest meetings, newest first, each with the note of what was said about it. The page shows a
 * bounded number; `total` and `allHref` point to the meetings list filtered to the entity for the rest.
 */
export async function MeetingTimeline({
  entries,
  total,
  allHref,
  allLabel,
}: {
  entries: TimelineEntry[];
  total: number;
  allHref: string;
  /** Shown whenever there are entries, where the filtered list holds more than the timeline (a region's). */
  allLabel?: string;
}) {
  const [t, tm, format, locale] = await Promise.all([
    getTranslations("timeline"),
    getTranslations("meetings"),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <Section title={t("title")} id="timeline">
      {entries.length === 0 ? (
        <Muted>{t("empty")}</Muted>
      ) : (
        <>
          {total > entries.length && <Muted>{t("latest", { shown: entries.length, formatted: format.number(total) })}</Muted>}
          <ol className="mt-4 ml-2 max-w-3xl border-l-4 border-line">
            {entries.map((entry) => (
              <li key={entry.id} className="relative pb-6 pl-6">
                <span aria-hidden className="absolute top-2 -left-[10px] h-4 w-4 rounded-full bg-brand" />
                <p className="text-muted">
                  <time dateTime={entry.meeting.date.toISOString().slice(0, 10)}>{formatDay(locale, entry.meeting.date)}</time>
                  {" · "}
                  {tm(`levels.${entry.meeting.level}`)}
                </p>
                <p className="font-bold">
                  <Link href={paths.meeting(entry.meeting.slug)}>{localized(locale, entry.meeting.titleEn, entry.meeting.titleRu)}</Link>{" "}
                  {entry.meeting.isDemo && <DemoTag />}
                </p>
                <p className="whitespace-pre-line">{entry.note}</p>
              </li>
            ))}
          </ol>
          {(allLabel || total > entries.length) && (
            <p>
              <Link href={allHref} className="font-bold">
                {allLabel ?? t("seeAll", { formatted: format.number(total) })}
              </Link>
            </p>
          )}
        </>
      )}
    </Section>
  );
}
