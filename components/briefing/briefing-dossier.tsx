import type { ReactNode } from "react";
import Link from "next/link";
import { DemoTag } from "@/components/ui/demo-tag";
import { Muted } from "@/components/ui/notice";
import { Table } from "@/components/ui/table";
import type { Block, BriefingView, Cell, ChartBlock, MeetingBlock, Reference, SectionView } from "@/lib/briefing/view";

/**
 * The dossier as a page: the sections of `buildBriefingView`, each ending with its numbered sources. The print
 * stylesheet (app/(staff)/workspace/briefing/briefing.css) keeps each heading with what follows it.
 */
export function BriefingDossier({ view }: { view: BriefingView }) {
  return (
    <article className="briefing-dossier" aria-labelledby="briefing-title" lang={view.locale}>
      <header className="mb-8 border-b-2 border-ink pb-4">
        <h2 id="briefing-title" className="text-3xl leading-tight font-bold">
          {view.title}
        </h2>
        <p className="mt-3 max-w-3xl">{view.scope}</p>
        <p className="mt-2 text-muted">{view.prepared}</p>
        <nav aria-label={view.labels.contents} className="briefing-contents mt-4">
          <h3 className="font-bold">{view.labels.contents}</h3>
          <ol className="ml-6 list-decimal">
            {view.sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.title}</a>
              </li>
            ))}
          </ol>
        </nav>
      </header>
      {view.sections.map((section) => (
        <BriefingSection key={section.id} section={section} view={view} />
      ))}
    </article>
  );
}

function BriefingSection({ section, view }: { section: SectionView; view: BriefingView }) {
  return (
    <section className="briefing-section mt-12" aria-labelledby={section.id}>
      <h2 id={section.id} className="mb-3 text-2xl font-bold">
        {section.title}
      </h2>
      <p className="mb-4 max-w-3xl">{section.lead}</p>
      {section.blocks.map((block, i) => (
        <BlockView key={i} block={block} section={section} view={view} />
      ))}
      {section.references.length > 0 && <References section={section} title={view.labels.sources} />}
    </section>
  );
}

function BlockView({ block, section, view }: { block: Block; section: SectionView; view: BriefingView }) {
  if (block.kind === "paragraph") return <Muted>{block.text}</Muted>;
  if (block.kind === "meeting") return <MeetingView meeting={block} section={section} view={view} />;
  if (block.kind === "chart") return <ChartView chart={block} />;
  return (
    <Table
      caption={block.caption}
      columns={block.columns.map((column) => ({
        numeric: column.numeric,
        label: column.nowrap ? <span className="whitespace-nowrap">{column.label}</span> : column.label,
      }))}
      rows={block.rows.map((row) =>
        row.map((cell, c) => (
          <CellView key={c} cell={cell} section={section} nowrap={block.columns[c]?.nowrap === true} label={view.labels.source} />
        )),
      )}
    />
  );
}

function CellView({ cell, section, nowrap, label }: { cell: Cell; section: SectionView; nowrap: boolean; label: string }) {
  let content: ReactNode = cell.href ? <Link href={cell.href}>{cell.text}</Link> : cell.text;
  if (nowrap) content = <span className="whitespace-nowrap">{content}</span>;
  if (cell.strong) content = <strong>{content}</strong>;
  if (cell.muted) content = <span className="text-muted">{content}</span>;
  return (
    <>
      {content}
      {cell.demo && (
        <>
          {" "}
          <DemoTag />
        </>
      )}
      <RefMarks refs={cell.refs} section={section} label={label} />
    </>
  );
}

/** Superscript numbers that lead to the section's sources ("Source [1]" to a screen reader). */
function RefMarks({ refs, section, label }: { refs?: number[]; section: SectionView; label: string }) {
  if (!refs?.length) return null;
  return (
    <sup className="ml-0.5">
      {refs.map((n, i) => (
        <span key={n}>
          {i > 0 && ","}
          <a href={`#${section.id}-source-${n}`} className="no-underline">
            <span className="sr-only">{label} </span>[{n}]
          </a>
        </span>
      ))}
    </sup>
  );
}

function MeetingView({ meeting, section, view }: { meeting: MeetingBlock; section: SectionView; view: BriefingView }) {
  return (
    <div className="briefing-meeting mb-8 max-w-3xl border-l-4 border-brand pl-4">
      <h3 className="text-xl font-bold">
        <Link href={meeting.href}>{meeting.title}</Link>
        {meeting.demo && (
          <>
            {" "}
            <DemoTag />
          </>
        )}
        <RefMarks refs={meeting.refs} section={section} label={view.labels.source} />
      </h3>
      <p className="text-muted">
        <time dateTime={meeting.dateTime}>{meeting.facts}</time>
      </p>
      {meeting.statements.length > 0 && (
        <>
          <h4 className="mt-3 font-bold">{view.labels.said}</h4>
          <ul className="mt-1 space-y-2">
            {meeting.statements.map((statement, i) => (
              <li key={i} className="border-l-4 border-line pl-3">
                {statement.text}
                {statement.speaker && <span className="block text-muted">— {statement.speaker}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {meeting.notes.length > 0 && (
        <>
          <h4 className="mt-3 font-bold">{view.labels.discussed}</h4>
          <ul className="mt-1 space-y-2">
            {meeting.notes.map((note, i) => (
              <li key={i}>
                <Link href={note.href} className="font-bold">
                  {note.entity}
                </Link>
                : {note.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * The chart the PDF draws, inline: an SVG document the server made from the figures (lib/briefing/chart.ts escapes
 * every text in it), named by its title and described by the section's lead; the table after it has the figures.
 */
function ChartView({ chart }: { chart: ChartBlock }) {
  return (
    <figure className="mb-6 max-w-2xl">
      <figcaption className="mb-2 font-bold text-muted">{chart.title}</figcaption>
      <div
        role="img"
        aria-label={`${chart.title}. ${chart.description}`}
        className="[&_svg]:h-auto [&_svg]:w-full"
        dangerouslySetInnerHTML={{ __html: chart.svg }}
      />
    </figure>
  );
}

function References({ section, title }: { section: SectionView; title: string }) {
  return (
    <div className="briefing-sources mt-6 border-t border-line pt-3 text-base">
      <h3 className="font-bold">{title}</h3>
      <ol className="ml-6 list-decimal">
        {section.references.map((ref: Reference) => (
          <li key={ref.n} id={`${section.id}-source-${ref.n}`}>
            {ref.href ? <a href={ref.href}>{ref.text}</a> : ref.text}
          </li>
        ))}
      </ol>
    </div>
  );
}
