import type { Feature } from "geojson";
import { contextPaths, findShape, fitProjection, MAP_HEIGHT, pathMaker, type RegionShape } from "@/lib/map/geometry";

/**
 * Lays a map out: which registry regions have a shape, where each is drawn in a frame fitted to the ones that
 * matter, and which have none (a country as a whole, a region without an ISO code or one the shapes lack), to be
 * listed under the map instead of being dropped.
 */

export type MapPlace = { slug: string; isoCode: string | null; level: string };

export type PlacedArea<P extends MapPlace> = P & { d: string; centroid: [number, number] };

export type MapLayout<P extends MapPlace> = {
  /** The frame's height for MAP_WIDTH: as tall as the regions fitted need. */
  height: number;
  /** The regions drawn, each with its path and centre in the frame. */
  areas: PlacedArea<P>[];
  /** Regions with a shape that lies outside this frame (a region page's map focuses on a few). */
  outside: P[];
  /** Regions with no shape: a country as a whole, no ISO code, or a code the shapes do not have. */
  unmatched: P[];
  /** Grey land around the registry's regions and the border between the countries. */
  context: { land: string[]; border: string };
};

/** A country is drawn as its regions: its own outline would lie under theirs and hide their links. */
function shapeOf(place: MapPlace): RegionShape | null {
  return place.level === "country" ? null : findShape(place.isoCode);
}

/**
 * `places` laid out in one frame, fitted to the places named in `fitTo` (by slug; all with a shape when absent
 * or when none of them has one).
 */
export function layoutMap<P extends MapPlace>(places: readonly P[], fitTo?: ReadonlySet<string>): MapLayout<P> {
  const shaped = places.flatMap((place) => {
    const shape = shapeOf(place);
    return shape ? [{ place, shape }] : [];
  });
  const unmatched = places.filter((place) => !shapeOf(place));
  const chosen = fitTo ? shaped.filter(({ place }) => fitTo.has(place.slug)) : shaped;
  const framed: Feature[] = (chosen.length > 0 ? chosen : shaped).map(({ shape }) => shape);
  if (framed.length === 0) return { height: MAP_HEIGHT, areas: [], outside: [], unmatched, context: { land: [], border: "" } };

  const { projection, height } = fitProjection(framed);
  const draw = pathMaker(projection);
  const areas: PlacedArea<P>[] = [];
  const outside: P[] = [];
  for (const { place, shape } of shaped) {
    const drawn = draw(shape);
    if (drawn) areas.push({ ...place, ...drawn });
    else outside.push(place);
  }
  const codes = new Set(shaped.map(({ shape }) => shape.properties.iso));
  return { height, areas, outside, unmatched, context: contextPaths(projection, codes) };
}

/** The middle of several centres (a country drawn as its regions); null for none. */
export function centreOf(points: readonly [number, number][]): [number, number] | null {
  if (points.length === 0) return null;
  const sum = points.reduce(([x, y], [px, py]) => [x + px, y + py], [0, 0]);
  return [Math.round((sum[0] / points.length) * 10) / 10, Math.round((sum[1] / points.length) * 10) / 10];
}

/** A whole country marked on the map: at the middle of its regions drawn in this frame. */
export type MarkedCountry<P extends MapPlace> = P & { centroid: [number, number] };

export type PartnerPlacement<P extends MapPlace> = {
  /** Partner regions drawn by their own shape. */
  drawn: PlacedArea<P>[];
  /** Partner countries (Belarus as a partner of Kursk Oblast), marked at the middle of their regions drawn. */
  marked: MarkedCountry<P>[];
  /** Partners the map cannot show (no shape, outside the frame, a country with none of its regions in the frame). */
  offMap: string[];
};

/**
 * Where a region page's map shows each partner (by slug, in the partners' table's order): its own shape, or for a
 * whole country a mark at the middle of its regions in the frame, or nowhere (then listed under the map). Every
 * partner is in exactly one of the three, so that the map and the table beside it name the same partners. `isOwn`
 * is the region the map is about (a country: its regions too), never a partner's shape.
 */
export function placePartners<P extends MapPlace & { countryCode: string }>(
  layout: MapLayout<P>,
  partners: readonly string[],
  isOwn: (slug: string) => boolean,
): PartnerPlacement<P> {
  const wanted = new Set(partners.filter((slug) => !isOwn(slug)));
  const drawn = layout.areas.filter((area) => wanted.has(area.slug));
  const marked = layout.unmatched.flatMap((place) => {
    if (place.level !== "country" || !wanted.has(place.slug)) return [];
    const centroid = centreOf(layout.areas.filter((area) => area.countryCode === place.countryCode).map((area) => area.centroid));
    return centroid ? [{ ...place, centroid }] : [];
  });
  const shown = new Set([...drawn, ...marked].map((place) => place.slug));
  return { drawn, marked, offMap: partners.filter((slug) => wanted.has(slug) && !shown.has(slug)) };
}
