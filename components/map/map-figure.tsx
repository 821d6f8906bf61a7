import type { ReactNode } from "react";
import { MAP_WIDTH } from "@/lib/map/geometry";
import { CONTEXT_FILL, NONE_FILL } from "@/lib/map/shading";

/** A region as the map draws it: its path, the text of its title, where it leads, and its fill. */
export type MapArea = {
  slug: string;
  d: string;
  centroid: [number, number];
  title: string;
  /** A region page or a pair page; null for the region the map is about (it is the page itself). */
  href: string | null;
  fill: string;
};

/** A whole country as a partner: a round mark amid its regions, a link with a title like an area's. */
export type MapMarker = { slug: string; at: [number, number]; title: string; href: string; fill: string; label: string };

/** The region a region page is about: orange, apart from the blues of the figures. */
export const FOCUS_FILL = "#f47738";

/** A gentle arc from `from` to `to`, bowed to one side so that lines to neighbours in a row do not overlap. */
function arc([x1, y1]: [number, number], [x2, y2]: [number, number]) {
  const [mx, my] = [(x1 + x2) / 2, (y1 + y2) / 2];
  const [cx, cy] = [mx - (y2 - y1) * 0.2, my + (x2 - x1) * 0.2];
  const r = (n: number) => Math.round(n * 10) / 10;
  return `M${r(x1)},${r(y1)}Q${r(cx)},${r(cy)} ${r(x2)},${r(y2)}`;
}

/**
 * The map, drawn on the server as SVG: grey land for context, each registry region a link with a title (its
 * name and figure; a keyboard reaches each, and a focused region turns yellow), and on a region page the lines
 * to its partners (a partner country, marked amid its regions, is a link too). The SVG scales to its column; the same figures are in the table beside it.
 */
export function MapSvg({
  label,
  height,
  areas,
  context,
  lines = [],
  markers = [],
}: {
  label: string;
  height: number;
  areas: MapArea[];
  context: { land: string[]; border: string };
  lines?: { from: [number, number]; to: [number, number] }[];
  markers?: MapMarker[];
}) {
  return (
    <svg viewBox={`0 0 ${MAP_WIDTH} ${height}`} role="group" aria-label={label} className="block h-auto w-full bg-[#f8fbfd]">
      <g aria-hidden="true" fill={CONTEXT_FILL} stroke="#ffffff" strokeWidth={1}>
        {context.land.map((d, i) => (
          <path key={i} d={d} vectorEffect="non-scaling-stroke" />
        ))}
      </g>
      {areas.map((area) =>
        area.href ? (
          <a key={area.slug} href={area.href} className="group outline-none">
            <title>{area.title}</title>
            <path
              d={area.d}
              fill={area.fill}
              stroke="#505a5f"
              strokeWidth={1}
              vectorEffect="non-scaling-stroke"
              className="group-hover:stroke-ink group-hover:stroke-[3px] group-focus-visible:fill-focus group-focus-visible:stroke-ink group-focus-visible:stroke-[3px]"
            />
          </a>
        ) : (
          <g key={area.slug} role="img" aria-label={area.title}>
            <title>{area.title}</title>
            <path d={area.d} fill={area.fill} stroke="#0b0c0c" strokeWidth={2} vectorEffect="non-scaling-stroke" />
          </g>
        ),
      )}
      {context.border && (
        <path
          d={context.border}
          aria-hidden="true"
          fill="none"
          stroke="#0b0c0c"
          strokeWidth={2}
          pointerEvents="none"
          vectorEffect="non-scaling-stroke"
        />
      )}
      {lines.length > 0 && (
        <g aria-hidden="true" pointerEvents="none" fill="none" stroke="#0b0c0c" strokeWidth={2}>
          {lines.map((line, i) => (
            <g key={i}>
              <path d={arc(line.from, line.to)} strokeDasharray="6 4" vectorEffect="non-scaling-stroke" />
              <circle cx={line.to[0]} cy={line.to[1]} r={5} fill="#0b0c0c" />
            </g>
          ))}
          <circle cx={lines[0]!.from[0]} cy={lines[0]!.from[1]} r={6} fill="#ffffff" strokeWidth={3} />
        </g>
      )}
      {markers.map((marker) => (
        <a key={marker.slug} href={marker.href} className="group outline-none">
          <title>{marker.title}</title>
          <circle
            cx={marker.at[0]}
            cy={marker.at[1]}
            r={14}
            fill={marker.fill}
            stroke="#0b0c0c"
            strokeWidth={3}
            vectorEffect="non-scaling-stroke"
            className="group-hover:stroke-[5px] group-focus-visible:fill-focus group-focus-visible:stroke-[5px]"
          />
          {/* The country's name beside its mark, haloed in white to read over the shading; the title names the link. */}
          <text
            x={marker.at[0] + 20}
            y={marker.at[1] + 6}
            aria-hidden="true"
            fontSize={18}
            fontWeight="bold"
            fill="#0b0c0c"
            stroke="#ffffff"
            strokeWidth={4}
            paintOrder="stroke"
          >
            {marker.label}
          </text>
        </a>
      ))}
    </svg>
  );
}

export type LegendEntry = { fill: string; label: ReactNode };

/** The legend: a swatch of each fill with what it means, as a list (readable without the map). */
export function MapLegend({ title, entries }: { title: string; entries: LegendEntry[] }) {
  return (
    <div className="mt-3 lg:mt-0">
      <p className="font-bold">{title}</p>
      <ul className="mt-1 flex flex-wrap gap-x-6 gap-y-1 lg:flex-col">
        {entries.map((entry, i) => (
          <li key={i} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className="inline-block h-5 w-7 shrink-0 border border-muted"
              style={{ backgroundColor: entry.fill }}
            />
            <span className="tabular">{entry.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The legend's two fixed entries: regions with nothing recorded, and the land around that is not in the registry. */
export function baseLegend(none: string, context: string): LegendEntry[] {
  return [
    { fill: NONE_FILL, label: none },
    { fill: CONTEXT_FILL, label: context },
  ];
}
