import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DemoTag, Muted, PageHeading, Table } from "@/components/ui";
import { localized } from "@/lib/i18n";
import { listMeetings } from "@/lib/meetings/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("meetings"))("title") };
}

export default async function MeetingsPage() {
  const [t, format, locale, meetings] = await Promise.all([getTranslations("meetings"), getFormatter(), getLocale(), listMeetings()]);
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      {meetings.length === 0 ? (
        <Muted>{t("empty")}</Muted>
      ) : (
        <Table
          caption={t("title")} hideCaption
          columns={[{ label: t("date") }, { label: t("meeting") }, { label: t("level") }, { label: t("place") }, { label: t("discussedCount"), numeric: true }]}
          rows={meetings.map((m) => [
            <time key="d" dateTime={m.date.toISOString().slice(0, 10)} className="tabular whitespace-nowrap">
              {format.dateTime(m.date, { dateStyle: "medium" })}
            </time>,
            <span key="t">
              <Link href={`/meetings/${m.slug}`}>{localized(locale, m.titleEn, m.titleRu)}</Link> {m.isDemo && <DemoTag />}
            </span>,
            t(`levels.${m.level}`),
            localized(locale, m.placeEn, m.placeRu) || "—",
            m._count.discussionLinks,
          ])}
        />
      )}
    </>
  );
}
