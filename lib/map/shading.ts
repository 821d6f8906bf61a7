import { z } from "zod";

/**
 * How the map shades its regions: what the reader measures, the classes of the legend, and each class's colour.
 * Pure functions, shared by the map, its legend and its table, so that the three always agree.
 */

export const mapMeasures = ["ventures", "meetings", "trade"] as const;
export type MapMeasure = (typeof mapMeasures)[number];

/** `?measure=` as the map reads it: one of the measures, else (absent, repeated, anything else) joint ventures. */
const MeasureSchema = z.enum(mapMeasures).catch("ventures");

export function toMeasure(value: unknown): MapMeasure {
  return MeasureSchema.parse(value);
}

/** A region's figure for a measure; null where nothing is recorded (zero is shown as nothing recorded). */
export function figureOf(region: { ventures: number; meetings: number; tradeUsd: number | null }, measure: MapMeasure): number | null {
  const value = measure === "trade" ? region.tradeUsd : region[measure];
  return value === null || value === 0 ? null : value;
}

/** A class of the legend: the values from `min` to `max`, both as recorded. */
export type ShadeClass = { min: number; max: number };

/** At most this many classes: more shades of one colour are hard to tell apart. */
export const MAX_CLASSES = 4;

/**
 * The legend's classes for `values`: the distinct values above zero, in order, split into up to MAX_CLASSES groups
 * of as equal a number of values as can be (quantiles of the distinct values, so that one large figure does not
 * leave every other region in the lowest class). Each class runs from its smallest to its largest value, so the
 * legend names only values that occur. Zero and missing values are "none recorded", outside the classes.
 */
export function shadeClasses(values: readonly (number | null)[]): ShadeClass[] {
  const distinct = [...new Set(values.filter((value): value is number => value !== null && value > 0))].sort((a, b) => a - b);
  const count = Math.min(MAX_CLASSES, distinct.length);
  const classes: ShadeClass[] = [];
  for (let i = 0; i < count; i++) {
    const group = distinct.slice(Math.floor((i * distinct.length) / count), Math.floor(((i + 1) * distinct.length) / count));
    classes.push({ min: group[0]!, max: group[group.length - 1]! });
  }
  return classes;
}

/** The class of `value` (its index), or null for nothing recorded. A value between two classes is in the lower. */
export function classOf(value: number | null, classes: readonly ShadeClass[]): number | null {
  if (value === null || value <= 0 || classes.length === 0) return null;
  let found = 0;
  classes.forEach((shade, i) => {
    if (value >= shade.min) found = i;
  });
  return found;
}

/**
 * The fills of the classes, light to dark (ColorBrewer's sequential blues, ending in the site's brand blue), for
 * `count` classes: spread over the ramp, so that two classes are light and dark rather than the two lightest.
 */
const RAMP = ["#c6dbef", "#6baed6", "#1d70b8", "#003078"] as const;
export const NONE_FILL = "#ffffff";
export const CONTEXT_FILL = "#dee0e2";

export function classFills(count: number): string[] {
  if (count <= 0) return [];
  if (count === 1) return [RAMP[2]];
  return Array.from({ length: count }, (_, i) => RAMP[Math.round((i * (RAMP.length - 1)) / (count - 1))]!);
}

/** The fill of a value: its class's colour, or white for nothing recorded. */
export function fillOf(value: number | null, classes: readonly ShadeClass[]): string {
  const index = classOf(value, classes);
  return index === null ? NONE_FILL : classFills(classes.length)[index]!;
}

/** The legend's text of a class: "3", or "1–2" with each end formatted as the table formats it. */
export function classLabel(shade: ShadeClass, format: (value: number) => string): string {
  return shade.min === shade.max ? format(shade.min) : `${format(shade.min)}–${format(shade.max)}`;
}
