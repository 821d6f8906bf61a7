import "server-only";
import pdfmake from "pdfmake";
import robotoFonts from "pdfmake/fonts/Roboto.js";
import type { Content, Node, NodeQueries, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { BriefingView, Cell, ChartBlock, MeetingBlock, SectionView, TableBlock } from "@/lib/briefing/view";

/**
 * The briefing as a PDF, made with pdfmake from the same view the page shows. The font is the Roboto that ships
 * inside the pdfmake package (Latin and Cyrillic): nothing is read from the system or the network. pdfmake is
 * left to Node by next.config.ts (serverExternalPackages), so that the font files are found beside its code.
 */

const fontFiles = Object.values(robotoFonts.Roboto);
pdfmake.setFonts(robotoFonts);
// The document names no images or remote fonts: refuse every address and every file but the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => fontFiles.includes(path));

const ink = "#0b0c0c";
const muted = "#505a5f";
const brand = "#1d70b8";
const line = "#b1b4b6";

/** Headline levels: a section's title, a meeting's title. */
const SECTION = 1;
const MEETING = 2;

/**
 * Sections follow each other on the page; a heading moves to the next page when too little of what it heads
 * would stay with it (fewer than this many laid-out nodes below it on its page: the lead, a caption, the table). pdfmake asks for each node and lays the document out again after every break it adds.
 */
const KEEP_WITH_HEADING: Record<number, number> = { [SECTION]: 4, [MEETING]: 3 };

export function keepHeadingWithNext(node: Node, queries: NodeQueries): boolean {
  const keep = node.headlineLevel ? KEEP_WITH_HEADING[node.headlineLevel] : undefined;
  if (!keep || node.pageNumbers.length > 1) return false;
  // What follows it in the text of its page: below it, and not the page's header or footer (outside the margins).
  const below = queries.getFollowingNodesOnPage().filter(({ startPosition: at }) => {
    return at.pageNumber === node.startPosition.pageNumber && at.top > node.startPosition.top && at.verticalRatio <= 1;
  });
  // A heading already at the top of its page stays (moving it would leave an empty page), and so does one at
  // the end of the document (a short last section).
  const above = queries.getPreviousNodesOnPage().some(({ startPosition: at }) => at.verticalRatio >= 0 && at.top < node.startPosition.top);
  return below.length < keep && above && queries.getNodesOnNextPage().length > 0;
}

/** Renders the dossier; `origin` turns the registry's own paths into addresses a reader of the file can open. */
export async function renderBriefingPdf(view: BriefingView, origin: string): Promise<Buffer> {
  const address = (href: string) => (href.startsWith("/") ? `${origin}${href}` : href);

  const cellContent = (cell: Cell, header = false): TableCell => {
    const parts: Content[] = [
      {
        text: cell.text,
        color: cell.muted ? muted : ink,
        bold: header || cell.strong === true,
        ...(cell.href ? { link: address(cell.href) } : {}),
      },
    ];
    if (cell.demo) parts.push({ text: ` (${view.demoLabel})`, italics: true, color: muted, fontSize: 8 });
    if (cell.refs?.length) parts.push({ text: ` [${cell.refs.join(", ")}]`, sup: true, color: brand });
    return { text: parts };
  };

  const table = (block: TableBlock): Content => ({
    stack: [
      { text: block.caption, style: "caption" },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          // Text columns share the width; numbers take what they need.
          widths: block.columns.map((column) => (column.numeric || column.nowrap ? "auto" : "*")),
          body: [
            block.columns.map((column) => ({
              text: column.label,
              bold: true,
              alignment: column.numeric ? ("right" as const) : ("left" as const),
            })),
            ...block.rows.map((row) =>
              row.map(
                (cell, c) => ({ ...(cellContent(cell) as object), alignment: block.columns[c]?.numeric ? "right" : "left" }) as TableCell,
              ),
            ),
          ],
        },
        layout: {
          hLineWidth: (i: number) => (i === 1 ? 1.5 : 0.5),
          vLineWidth: () => 0,
          hLineColor: (i: number) => (i === 1 ? ink : line),
          paddingTop: () => 3,
          paddingBottom: () => 3,
          paddingLeft: () => 0,
          paddingRight: () => 6,
        },
      },
    ],
    margin: [0, 0, 0, 10],
  });

  const meeting = (block: MeetingBlock): Content => {
    // A short meeting is kept whole on one page; a long one may break, but never right after its title.
    const unbreakable = block.statements.length + block.notes.length <= 8;
    const stack: Content[] = [
      {
        text: [
          { text: block.title, link: address(block.href) },
          ...(block.demo ? [{ text: ` (${view.demoLabel})`, italics: true, color: muted, fontSize: 9, bold: false }] : []),
          { text: ` [${block.refs.join(", ")}]`, sup: true, color: brand },
        ],
        style: "h3",
        // Inside a block kept whole, a break before the title would leave the page it moved to empty.
        headlineLevel: unbreakable ? undefined : MEETING,
      },
      { text: block.facts, color: muted, margin: [0, 0, 0, 4] },
    ];
    if (block.statements.length) {
      stack.push({ text: view.labels.said, bold: true, margin: [0, 4, 0, 2] });
      stack.push({
        ul: block.statements.map((statement) => ({
          text: [statement.text, ...(statement.speaker ? [{ text: ` — ${statement.speaker}`, color: muted }] : [])],
          margin: [0, 0, 0, 2],
        })),
      });
    }
    if (block.notes.length) {
      stack.push({ text: view.labels.discussed, bold: true, margin: [0, 4, 0, 2] });
      stack.push({
        ul: block.notes.map((note) => ({
          text: [{ text: note.entity, bold: true, link: address(note.href) }, `: ${note.text}`],
          margin: [0, 0, 0, 2],
        })),
      });
    }
    return { stack, margin: [0, 0, 0, 12], unbreakable };
  };

  // The chart as drawn on the server, at the text's width (A4 less the margins), with its title above it.
  const chart = (block: ChartBlock): Content => ({
    stack: [
      { text: block.title, style: "caption" },
      { svg: block.svg, width: 440 },
    ],
    unbreakable: true,
    margin: [0, 0, 0, 10],
  });

  const section = (part: SectionView): Content[] => [
    { text: part.title, style: "h2", tocItem: true, headlineLevel: SECTION },
    { text: part.lead, margin: [0, 0, 0, 8] },
    ...part.blocks.map((block): Content => {
      if (block.kind === "table") return table(block);
      if (block.kind === "meeting") return meeting(block);
      if (block.kind === "chart") return chart(block);
      return { text: block.text, color: muted, margin: [0, 0, 0, 8] };
    }),
    ...(part.references.length
      ? ([
          { canvas: [{ type: "line", x1: 0, y1: 0, x2: 120, y2: 0, lineWidth: 0.5, lineColor: line }], margin: [0, 8, 0, 4] },
          { text: view.labels.sources, style: "h4" },
          {
            ol: part.references.map((ref) => ({
              text: ref.href ? [ref.text, { text: ` — ${address(ref.href)}`, link: address(ref.href), color: brand }] : ref.text,
            })),
            fontSize: 8.5,
          },
        ] satisfies Content[])
      : []),
  ];

  const document: TDocumentDefinitions = {
    pageSize: "A4",
    pageMargins: [44, view.letterhead ? 60 : 48, 44, 56],
    pageBreakBefore: keepHeadingWithNext,
    language: view.locale,
    info: { title: view.title, author: "Interregio", subject: view.scope, creator: "Interregio", producer: "Interregio" },
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2, color: ink },
    styles: {
      h1: { fontSize: 20, bold: true, margin: [0, 0, 0, 8] },
      h2: { fontSize: 15, bold: true, margin: [0, 14, 0, 6] },
      h3: { fontSize: 11.5, bold: true, margin: [0, 4, 0, 2] },
      h4: { fontSize: 9.5, bold: true, margin: [0, 0, 0, 2] },
      caption: { fontSize: 9, bold: true, color: muted, margin: [0, 0, 0, 4] },
    },
    // The ministry's name and the classification mark, on every page.
    header: view.letterhead
      ? () => ({
          columns: [
            { text: view.letterhead?.ministry ?? "", color: muted },
            { text: view.letterhead?.mark ?? "", bold: true, alignment: "right", width: "auto" },
          ],
          columnGap: 12,
          fontSize: 8.5,
          margin: [44, 24, 44, 0],
        })
      : undefined,
    footer: (currentPage: number, pageCount: number) => ({
      text: `${view.title} · ${view.labels.page} ${currentPage} / ${pageCount}`,
      alignment: "center",
      fontSize: 8,
      color: muted,
      margin: [44, 20, 44, 0],
    }),
    content: [
      { text: view.title, style: "h1" },
      { text: view.scope, margin: [0, 0, 0, 4] },
      { text: view.prepared, color: muted, margin: [0, 0, 0, 14] },
      { toc: { title: { text: view.labels.contents, style: "h2" } }, margin: [0, 0, 0, 16] },
      ...view.sections.flatMap(section),
    ],
  };
  return pdfmake.createPdf(document).getBuffer();
}
