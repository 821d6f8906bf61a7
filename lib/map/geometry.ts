import { geoBounds, geoConicEqualArea, geoPath, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import shapesFile from "@/lib/map/shapes.json";

/**
 * The map's geometry, pure and synchronous: the shapes (lib/map/shapes.json, made by scripts/map-shapes.ts from
 * Natural Earth), a conic projection fitted to the regions to show, and SVG paths clipped to the frame. Paths are
 * computed on the server; the page ships only the paths inside the frame.
 */

export type ShapeProperties = { iso: string; country: string; nameEn: string; nameRu: string };
export type RegionShape = Feature<Polygon | MultiPolygon, ShapeProperties>;
type CountryShape = Feature<Polygon | MultiPolygon, { country: string }>;

type Shapes = Topology<{ regions: GeometryCollection<ShapeProperties>; countries: GeometryCollection<{ country: string }> }>;

/** The frame, in SVG user units; the SVG scales to its column. */
export const MAP_WIDTH = 800;
/** The frame's height at most and at least; between the two it is as tall as the regions drawn need. */
export const MAP_HEIGHT = 600;
const MIN_HEIGHT = 360;
const PADDING = 24;
/** A tenth of a unit is finer than a screen shows at the map's size. */
const PATH_DIGITS = 1;

let loaded: { regions: RegionShape[]; countries: CountryShape[]; borders: ReturnType<typeof mesh> } | null = null;

function load() {
  if (loaded) return loaded;
  const topology = shapesFile as unknown as Shapes;
  const regions = (feature(topology, topology.objects.regions) as FeatureCollection<Polygon | MultiPolygon, ShapeProperties>).features;
  const countries = (feature(topology, topology.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { country: string }>)
    .features;
  // The border between Belarus and Russia, drawn heavier than the borders between their regions.
  const country = (geometry: object) => (geometry as { properties?: ShapeProperties }).properties?.country;
  const borders = mesh(topology, topology.objects.regions, (a, b) => country(a) !== country(b));
  loaded = { regions, countries, borders };
  return loaded;
}

/** The first-level region with this ISO 3166-2 code, if the shapes have it (matching is case-insensitive). */
export function findShape(isoCode: string | null): RegionShape | null {
  if (!isoCode) return null;
  const code = isoCode.trim().toUpperCase();
  return load().regions.find((shape) => shape.properties.iso === code) ?? null;
}

/**
 * A conic equal-area projection for `features`: centred on their middle meridian, its standard parallels at a
 * sixth and five sixths of their span of latitude (the usual choice that keeps distortion low across the span),
 * scaled and moved so that they fill the frame's width within its padding. The frame is as tall as they need
 * (between MIN_HEIGHT and `maxHeight`), so that a wide country leaves no empty bands above and below it.
 */
export function fitProjection(
  features: readonly Feature[],
  width = MAP_WIDTH,
  maxHeight = MAP_HEIGHT,
  padding = PADDING,
): { projection: GeoProjection; height: number } {
  const collection: FeatureCollection = { type: "FeatureCollection", features: [...features] };
  const [[west, south], [rawEast, north]] = geoBounds(collection);
  // Bounds across the antimeridian (Chukotka) come with east < west.
  const east = rawEast < west ? rawEast + 360 : rawEast;
  const span = north - south;
  const projection = geoConicEqualArea()
    .rotate([-(west + east) / 2, 0])
    .parallels([south + span / 6, north - span / 6])
    .fitWidth(width - 2 * padding, collection);
  const [[, top], [, bottom]] = geoPath(projection).bounds(collection);
  const height = Math.min(maxHeight, Math.max(MIN_HEIGHT, Math.ceil(bottom - top + 2 * padding)));
  projection
    .fitExtent(
      [
        [padding, padding],
        [width - padding, height - padding],
      ],
      collection,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  return { projection, height };
}

export type Drawn = { d: string; centroid: [number, number] };

/** A path generator on `projection`: each shape's SVG path and centre, or null when nothing of it is in the frame. */
export function pathMaker(projection: GeoProjection) {
  const path = geoPath(projection).digits(PATH_DIGITS);
  return (shape: Feature): Drawn | null => {
    const d = path(shape);
    if (!d) return null;
    const [x, y] = path.centroid(shape);
    return { d, centroid: [round(x), round(y)] };
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * What surrounds the registry's regions, in grey: the other first-level regions of Belarus and Russia, the
 * neighbouring countries and the border between the two countries, each clipped to the frame (what lies wholly
 * outside it is left out of the page).
 */
export function contextPaths(projection: GeoProjection, registryCodes: ReadonlySet<string>) {
  const draw = pathMaker(projection);
  const { regions, countries, borders } = load();
  const land = [...countries, ...regions.filter((shape) => !registryCodes.has(shape.properties.iso))]
    .map((shape) => draw(shape)?.d)
    .filter((d): d is string => Boolean(d));
  const border = geoPath(projection).digits(PATH_DIGITS)(borders) ?? "";
  return { land, border };
}
