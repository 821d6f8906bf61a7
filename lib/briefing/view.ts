import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locale";
import { localized } from "@/lib/i18n/localize";
import { paths } from "@/lib/paths";
import type { Briefing } from "@/lib/briefing/queries";
import { tradeChartSvg } from "@/lib/briefing/chart";
import { BRIEFING_RANKED_MEETINGS, type BriefingMark } from "@/lib/briefing/schema";
import type { TradeYear } from "@/lib/trade/series";
import { summarizeTrade } from "@/lib/trade/summary";
import { formatDay, formatMoment } from "@/lib/i18n/dates";

/**
 * The dossier in words, in one language: the sections, their tables and their numbered sources. The page and
 * the PDF both render this one shape, so that they cannot drift apart: what the page shows, the PDF holds.
 * Pure (no request, no database): the language is an argument, so a PDF can be made in the other language.
 */

/** A numbered source of one section: a document (with its address where known) or a registry page. */
export type Reference = { n: number; text: string; href: string | null };
/** A table cell: text, an optional link (app path or address), the sources it rests on, a demo-data mark. */
export type Cell = { text: string; href?: string; refs?: number[]; demo?: boolean; muted?: boolean; strong?: boolean };
/** `nowrap`: a short value (a status, a date, a region) kept on one line; the long columns share what is left. */
export type Column = { label: string; numeric?: boolean; nowrap?: boolean };
export type TableBlock = { kind: "table"; caption: string; columns: Column[]; rows: Cell[][] };
export type MeetingBlock = {
  kind: "meeting";
  title: string;
  href: string;
  date: string;
  dateTime: string;
  facts: string;
  demo: boolean;
  refs: number[];
  statements: { text: string; speaker: string | null }[];
  notes: { entity: string; href: string; text: string }[];
};
/** A chart drawn on the server as an SVG document (lib/briefing/chart.ts), named by `title`, described by `description`. */
export type ChartBlock = { kind: "chart"; title: string; description: string; svg: string };
export type Block = TableBlock | MeetingBlock | ChartBlock | { kind: "paragraph"; text: string };
export type SectionView = {
  id: "trade" | "commitments" | "joint-ventures" | "meetings" | "organizations";
  title: string;
  /** The section's answer in one or two sentences; shown before its table. */
  lead: string;
  blocks: Block[];
  references: Reference[];
};
export type BriefingView = {
  locale: Locale;
  title: string;
  /** "Region pair" / "One region", and what a side covers. */
  scope: string;
  prepared: string;
  demoLabel: string;
  /** The header line on every page of the PDF: the ministry's name and a classification mark, where chosen. */
  letterhead: { ministry: string | null; mark: string | null } | null;
  labels: { sources: string; source: string; said: string; discussed: string; contents: string; page: string };
  sections: SectionView[];
};

/** The commitments part of the dossier, as the tracker gives it (texts already in `locale`). */
export type BriefingCommitments = {
  open: {
    id: number;
    text: string;
    status: string;
    dueDate: Date | null;
    overdue: boolean;
    meeting: { slug: string; title: string; date: Date };
  }[];
  openTotal: number;
  overdueTotal: number;
};

/** The trade part: the pair's series (oldest first) or one region's latest figure with each partner. */
export type BriefingTrade = { kind: "pair"; years: TradeYear[] } | { kind: "region"; rows: NonNullable<Briefing["regionTrade"]> };

export type BriefingData = Briefing & { trade: BriefingTrade; commitments: BriefingCommitments };

/** What the staff member chose to head every page with: the ministry's name and a classification mark. */
export type BriefingLetterhead = { ministry?: string; mark?: BriefingMark };

/** Years of a pair's trade shown, newest first. */
export const BRIEFING_TRADE_YEARS = 5;

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Collects one section's sources, numbering each distinct one once. */
class References {
  readonly list: Reference[] = [];
  add(text: string, href: string | null): number {
    const found = this.list.find((ref) => ref.text === text && ref.href === href);
    if (found) return found.n;
    const ref = { n: this.list.length + 1, text, href };
    this.list.push(ref);
    return ref.n;
  }
}

/**
 * What every section is written with: the dossier, and the words, names and number formats of one language.
 * `who` names the two regions for the catalogue's sentences; `partnerName` is null for a region alone.
 */
type Writer = {
  data: BriefingData;
  locale: Locale;
  t: Translate;
  regionName: string;
  partnerName: string | null;
  who: { region: string; partner: string; regionKind: PlaceKind; partnerKind: PlaceKind };
  name: (record: { nameEn: string | null; nameRu: string | null }) => string;
  orgName: (record: { name: string; nameEn: string | null }) => string;
  number: Intl.NumberFormat;
  usd: (value: number | null) => string;
  growth: (value: number | null) => string;
  longDate: (date: Date) => string;
};

/** Whether a side is a whole country (Belarus) or a region: the Russian sentences name each as what it is. */
type PlaceKind = "country" | "region";
const kindOf = (place: { level: string } | null): PlaceKind => (place?.level === "country" ? "country" : "region");

function writerFor(data: BriefingData, locale: Locale): Writer {
  // The catalogue is merged from parts at run time, so its keys are not known to the type checker.
  const t = createTranslator({ locale, messages: loadMessages(locale) }) as unknown as Translate;
  const name = (record: { nameEn: string | null; nameRu: string | null }) => localized(locale, record.nameEn, record.nameRu);
  const currency = new Intl.NumberFormat(locale, { style: "currency", currency: "USD", maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const regionName = name(data.region);
  const partnerName = data.partner ? name(data.partner) : null;
  return {
    data,
    locale,
    t,
    regionName,
    partnerName,
    who: { region: regionName, partner: partnerName ?? "", regionKind: kindOf(data.region), partnerKind: kindOf(data.partner) },
    name,
    orgName: (record) => localized(locale, record.nameEn, record.name),
    number: new Intl.NumberFormat(locale),
    usd: (value) => (value === null ? t("briefing.notReported") : currency.format(value)),
    growth: (value) => (value === null ? t("briefing.notRecorded") : percent.format(value / 100)),
    longDate: (value) => formatDay(locale, value),
  };
}

export function buildBriefingView(
  data: BriefingData,
  locale: Locale,
  now: Date = new Date(),
  letterhead: BriefingLetterhead = {},
): BriefingView {
  const writer = writerFor(data, locale);
  const { t, who, partnerName } = writer;
  const ministry = letterhead.ministry?.trim() || null;
  const mark = letterhead.mark ? t(`briefing.marks.${letterhead.mark}`) : null;
  return {
    locale,
    title: partnerName ? t("briefing.titlePair", who) : t("briefing.titleRegion", who),
    scope: partnerName ? t("briefing.scopePair", who) : t("briefing.scopeRegion", who),
    prepared: t("briefing.prepared", {
      date: formatMoment(locale, now),
    }),
    demoLabel: t("site.demo"),
    letterhead: ministry || mark ? { ministry, mark } : null,
    labels: {
      sources: t("briefing.sources"),
      source: t("briefing.source"),
      said: t("briefing.said"),
      discussed: t("briefing.discussedThere"),
      contents: t("briefing.contents"),
      page: t("briefing.page"),
    },
    sections: [
      tradeSection(writer),
      commitmentsSection(writer),
      venturesSection(writer),
      meetingsSection(writer),
      organizationsSection(writer),
    ],
  };
}

/** A section's table, or nothing when it has no rows (the lead then says there is nothing). */
function tableOrNothing(table: Omit<TableBlock, "kind">): Block[] {
  return table.rows.length ? [{ kind: "table", ...table }] : [];
}

/** "Showing 20 of 134": said under a table that holds fewer rows than there are. */
function moreThanShown(writer: Writer, key: string, shown: number, total: number): Block[] {
  return total > shown ? [{ kind: "paragraph", text: writer.t(key, { shown, total: writer.number.format(total) }) }] : [];
}

/** A registry page as a source, cited by its title. */
function registryPage(writer: Writer, refs: References, title: string, href: string) {
  return refs.add(writer.t("briefing.registryPage", { title }), href);
}

/** An organization's name, linking to its page, which the section cites as a source. */
function organizationCell(
  writer: Writer,
  refs: References,
  org: { slug: string; name: string; nameEn: string | null; isDemo: boolean },
): Cell {
  const name = writer.orgName(org);
  return {
    text: name,
    href: paths.organization(org.slug),
    demo: org.isDemo,
    refs: [registryPage(writer, refs, name, paths.organization(org.slug))],
  };
}

function tradeSection(writer: Writer): SectionView {
  const refs = new References();
  const { trade } = writer.data;
  const [lead, blocks] = trade.kind === "pair" ? pairTrade(writer, trade.years, refs) : regionTrade(writer, trade.rows, refs);
  return { id: "trade", title: writer.t("briefing.trade.title"), lead, blocks, references: refs.list };
}

/** The pair's latest years, newest first, faced toward the first region. */
function pairTrade(writer: Writer, years: TradeYear[], refs: References): [string, Block[]] {
  const { t, who, usd, growth } = writer;
  // The sentence the trade pages say about the latest year: one wording of growth across the app.
  const lead = summarizeTrade({
    years,
    regionName: writer.regionName,
    partnerName: writer.partnerName ?? "",
    locale: writer.locale,
    t: (key, values) => t(`trade.${key}`, values),
  });
  const table = tableOrNothing({
    caption: t("briefing.trade.pairCaption", who),
    columns: [
      { label: t("briefing.trade.year"), nowrap: true },
      { label: t("briefing.trade.turnover"), numeric: true },
      { label: t("briefing.trade.exportsOf", who), numeric: true },
      { label: t("briefing.trade.importsOf", who), numeric: true },
      { label: t("briefing.trade.growth"), numeric: true },
    ],
    rows: [...years]
      .reverse()
      .slice(0, BRIEFING_TRADE_YEARS)
      .map((row) => [
        { text: String(row.year), refs: [refs.add(localized(writer.locale, row.source.title, row.source.titleRu), row.source.url)] },
        { text: usd(row.turnoverUsd) },
        { text: usd(row.exportsUsd), muted: row.exportsUsd === null },
        { text: usd(row.importsUsd), muted: row.importsUsd === null },
        { text: growth(row.growthPercent), muted: row.growthPercent === null },
      ]),
  });
  const svg = tradeChartSvg(years, writer.locale, {
    turnover: t("briefing.trade.turnover"),
    exports: t("briefing.trade.exportsOf", who),
    imports: t("briefing.trade.importsOf", who),
    noFigure: t("briefing.trade.noFigure"),
  });
  const chart: Block[] = svg ? [{ kind: "chart", title: t("briefing.trade.chartTitle", who), description: lead, svg }] : [];
  return [lead, [...chart, ...table]];
}

/** One region's latest figure with each partner, the largest first. */
function regionTrade(writer: Writer, rows: NonNullable<Briefing["regionTrade"]>, refs: References): [string, Block[]] {
  const { t, who, usd, growth, name } = writer;
  const lead = rows.length ? t("briefing.trade.regionLead", { ...who, count: rows.length }) : t("briefing.trade.regionNone", who);
  const table = tableOrNothing({
    caption: t("briefing.trade.regionCaption", who),
    columns: [
      { label: t("briefing.trade.partner") },
      { label: t("briefing.trade.year"), numeric: true },
      { label: t("briefing.trade.turnover"), numeric: true },
      { label: t("briefing.trade.exports"), numeric: true },
      { label: t("briefing.trade.imports"), numeric: true },
      { label: t("briefing.trade.growth"), numeric: true },
    ],
    rows: rows.map((row) => [
      {
        text: name(row.partner),
        href: paths.tradePair(writer.data.region.slug, row.partner.slug),
        refs: [refs.add(localized(writer.locale, row.sourceTitle, row.sourceTitleRu), row.sourceUrl)],
      },
      { text: String(row.year) },
      { text: usd(row.turnoverUsd) },
      { text: usd(row.exportsUsd), muted: row.exportsUsd === null },
      { text: usd(row.importsUsd), muted: row.importsUsd === null },
      { text: growth(row.growthPercent), muted: row.growthPercent === null },
    ]),
  });
  return [lead, table];
}

function commitmentsSection(writer: Writer): SectionView {
  const { t, number, longDate } = writer;
  const refs = new References();
  const { open, openTotal, overdueTotal } = writer.data.commitments;
  const lead =
    openTotal === 0
      ? t("briefing.commitments.none")
      : t("briefing.commitments.lead", {
          open: openTotal,
          openFormatted: number.format(openTotal),
          overdue: overdueTotal,
          overdueFormatted: number.format(overdueTotal),
        });
  const table = tableOrNothing({
    caption: t("briefing.commitments.caption"),
    columns: [
      { label: t("briefing.commitments.text") },
      { label: t("briefing.commitments.status"), nowrap: true },
      { label: t("briefing.commitments.due"), nowrap: true },
      { label: t("briefing.commitments.madeAt") },
    ],
    rows: open.map((item) => {
      const status = t(`meetings.commitmentStatuses.${item.status}`);
      return [
        { text: item.text, href: paths.commitment(item.id) },
        { text: item.overdue ? `${status} · ${t("briefing.commitments.overdue")}` : status, strong: item.overdue },
        item.dueDate ? { text: longDate(item.dueDate) } : { text: t("briefing.commitments.noDueDate"), muted: true },
        {
          text: `${item.meeting.title}, ${longDate(item.meeting.date)}`,
          href: paths.meeting(item.meeting.slug),
          refs: [registryPage(writer, refs, item.meeting.title, paths.meeting(item.meeting.slug))],
        },
      ];
    }),
  });
  const blocks = [...table, ...moreThanShown(writer, "briefing.commitments.more", open.length, openTotal)];
  return { id: "commitments", title: t("briefing.commitments.title"), lead, blocks, references: refs.list };
}

function venturesSection(writer: Writer): SectionView {
  const { t, number, name, locale } = writer;
  const refs = new References();
  const { items, byStatus, total } = writer.data.jointVentures;
  const share = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const lead =
    total === 0
      ? t("briefing.ventures.none")
      : t("briefing.ventures.lead", {
          total,
          totalFormatted: number.format(total),
          active: number.format(byStatus.active),
          planned: number.format(byStatus.planned),
          closed: number.format(byStatus.closed),
        });
  const table = tableOrNothing({
    caption: t("briefing.ventures.caption"),
    columns: [
      { label: t("briefing.ventures.name") },
      { label: t("briefing.ventures.status"), nowrap: true },
      { label: t("briefing.ventures.region"), nowrap: true },
      { label: t("briefing.ventures.partners") },
      { label: t("briefing.ventures.founded"), numeric: true },
    ],
    rows: items.map((venture) => [
      organizationCell(writer, refs, venture),
      { text: t(`organizations.statuses.${venture.status}`) },
      { text: name(venture.region) },
      {
        text: venture.partners
          .map((partner) =>
            t("briefing.ventures.share", { name: localized(locale, partner.nameEn, partner.name), share: share.format(partner.share) }),
          )
          .join("; "),
      },
      venture.foundedYear === null ? { text: "—", muted: true } : { text: String(venture.foundedYear) },
    ]),
  });
  const blocks = [...table, ...moreThanShown(writer, "briefing.ventures.more", items.length, total)];
  return { id: "joint-ventures", title: t("briefing.ventures.title"), lead, blocks, references: refs.list };
}

function meetingsSection(writer: Writer): SectionView {
  const { t, number } = writer;
  const refs = new References();
  const { items, total } = writer.data.meetings;
  const lead =
    total === 0
      ? t("briefing.meetings.none")
      : t("briefing.meetings.lead", { shown: items.length, total, totalFormatted: number.format(total) });
  const blocks = items.map((meeting) => meetingBlock(writer, meeting, refs));
  return { id: "meetings", title: t("briefing.meetings.title"), lead, blocks, references: refs.list };
}

/** A meeting with what was said there and what was noted of each organization or region discussed. */
function meetingBlock(writer: Writer, meeting: Briefing["meetings"]["items"][number], refs: References): MeetingBlock {
  const { t, locale, name, longDate } = writer;
  const title = localized(locale, meeting.titleEn, meeting.titleRu);
  const place = localized(locale, meeting.placeEn, meeting.placeRu);
  const meetingRefs = [];
  if (meeting.sourceTitle) meetingRefs.push(refs.add(localized(locale, meeting.sourceTitle, meeting.sourceTitleRu), meeting.sourceUrl));
  meetingRefs.push(registryPage(writer, refs, title, paths.meeting(meeting.slug)));
  return {
    kind: "meeting",
    title,
    href: paths.meeting(meeting.slug),
    date: longDate(meeting.date),
    dateTime: meeting.date.toISOString().slice(0, 10),
    facts: [longDate(meeting.date), place, t(`meetings.levels.${meeting.level}`)].filter(Boolean).join(" · "),
    demo: meeting.isDemo,
    refs: meetingRefs,
    statements: meeting.statements.map((s) => ({
      text: localized(locale, s.textEn, s.textRu),
      speaker: localized(locale, s.speakerEn, s.speakerRu) || null,
    })),
    notes: meeting.notes.map((n) => ({
      entity: n.entity.kind === "organization" ? localized(locale, n.entity.nameEn, n.entity.nameRu) : name(n.entity),
      href: n.entity.kind === "organization" ? paths.organization(n.entity.slug) : paths.region(n.entity.slug),
      text: n.note,
    })),
  };
}

function organizationsSection(writer: Writer): SectionView {
  const { t, number, name, longDate } = writer;
  const refs = new References();
  const items = writer.data.organizations;
  const lead = !items.length
    ? t("briefing.organizations.none")
    : writer.data.meetings.total > BRIEFING_RANKED_MEETINGS
      ? t("briefing.organizations.leadLatest", { count: items.length, meetings: number.format(BRIEFING_RANKED_MEETINGS) })
      : t("briefing.organizations.lead", { count: items.length });
  const blocks = tableOrNothing({
    caption: t("briefing.organizations.caption"),
    columns: [
      { label: t("briefing.organizations.name") },
      { label: t("briefing.organizations.kind"), nowrap: true },
      { label: t("briefing.organizations.region"), nowrap: true },
      { label: t("briefing.organizations.links"), numeric: true },
      { label: t("briefing.organizations.last"), numeric: true, nowrap: true },
    ],
    rows: items.map((org) => [
      organizationCell(writer, refs, org),
      { text: t(`organizations.kinds.${org.kind}`) },
      { text: name(org.region) },
      { text: number.format(org.links) },
      { text: longDate(org.lastDiscussed) },
    ]),
  });
  return { id: "organizations", title: t("briefing.organizations.title"), lead, blocks, references: refs.list };
}
