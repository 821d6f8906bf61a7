import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DemoTag } from "@/components/ui/demo-tag";
import { Table } from "@/components/ui/table";
import { localized } from "@/lib/i18n/localize";
import type { MeetingRow } from "@/lib/meetings/queries";
import { paths } from "@/lib/paths";
import { formatDay } from "@/lib/i18n/dates";

/** The rows of the meetings list: date, title, level, place and how many entities were discussed. */
export async function MeetingTable({ rows }: { rows: MeetingRow[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("meetings"), getFormatter(), getLocale()]);
  return (
    <Table
      caption={t("title")}
      hideCaption
      columns={[
        { label: t("date") },
        { label: t("meeting") },
        { label: t("level") },
        { label: t("place") },
        { label: t("discussedCount"), numeric: true },
      ]}
      rows={rows.map((m) => [
        <time key="d" dateTime={m.date.toISOString().slice(0, 10)} className="tabular whitespace-nowrap">
          {formatDay(locale, m.date)}
        </time>,
        <span key="t">
          <Link href={paths.meeting(m.slug)}>{localized(locale, m.titleEn, m.titleRu)}</Link> {m.isDemo && <DemoTag />}
        </span>,
        t(`levels.${m.level}`),
        localized(locale, m.placeEn, m.placeRu) || "—",
        format.number(m.discussed),
      ])}
    />
  );
}
