import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DemoTag, Muted, Section } from "@/components/ui";
import { localized } from "@/lib/i18n";
import type { TimelineEntry } from "@/lib/meetings/timeline";

/** An entity's meetings, newest first, each with the note of what was said about it. */
export async function MeetingTimeline({ entries }: { entries: TimelineEntry[] }) {
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
        <ol className="border-l-4 border-line ml-2 max-w-3xl">
          {entries.map((entry) => (
            <li key={entry.id} className="relative pl-6 pb-6">
              <span aria-hidden className="absolute -left-[10px] top-2 h-4 w-4 rounded-full bg-brand" />
              <p className="text-muted">
                <time dateTime={entry.meeting.date.toISOString().slice(0, 10)}>
                  {format.dateTime(entry.meeting.date, { dateStyle: "long" })}
                </time>
                {" · "}
                {tm(`levels.${entry.meeting.level}`)}
              </p>
              <p className="font-bold">
                <Link href={`/meetings/${entry.meeting.slug}`}>{localized(locale, entry.meeting.titleEn, entry.meeting.titleRu)}</Link>{" "}
                {entry.meeting.isDemo && <DemoTag />}
              </p>
              <p className="whitespace-pre-line">{entry.note}</p>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
