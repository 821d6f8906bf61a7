import { geoBounds } from "d3-geo";
import { describe, expect, it } from "vitest";
import { findShape, fitProjection, MAP_HEIGHT, MAP_WIDTH, pathMaker } from "@/lib/map/geometry";
import { layoutMap } from "@/lib/map/layout";
import { classFills, classLabel, classOf, figureOf, fillOf, NONE_FILL, shadeClasses, toMeasure } from "@/lib/map/shading";

/** The demo registry's regions with their ISO codes, as the map receives them. */
const registry = [
  { slug: "belarus", isoCode: "BY", level: "country" },
  { slug: "brest-region", isoCode: "BY-BR", level: "region" },
  { slug: "gomel-region", isoCode: "BY-HO", level: "region" },
  { slug: "grodno-region", isoCode: "BY-HR", level: "region" },
  { slug: "minsk", isoCode: "BY-HM", level: "city" },
  { slug: "minsk-region", isoCode: "BY-MI", level: "region" },
  { slug: "mogilev-region", isoCode: "BY-MA", level: "region" },
  { slug: "vitebsk-region", isoCode: "BY-VI", level: "region" },
  { slug: "belgorod-oblast", isoCode: "RU-BEL", level: "region" },
  { slug: "bryansk-oblast", isoCode: "RU-BRY", level: "region" },
  { slug: "kursk-oblast", isoCode: "RU-KRS", level: "region" },
  { slug: "russia", isoCode: "RU", level: "country" },
];

/** The numbers of an SVG path: every x and y it draws through. */
const coordinates = (d: string) => {
  const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  return { xs: numbers.filter((_, i) => i % 2 === 0), ys: numbers.filter((_, i) => i % 2 === 1) };
};

describe("the map's shading", () => {
  it("reads the measure from the address, joint ventures for anything else", () => {
    expect(toMeasure("meetings")).toBe("meetings");
    expect(toMeasure("trade")).toBe("trade");
    expect(toMeasure(["trade", "meetings"])).toBe("ventures");
    expect(toMeasure("<script>")).toBe("ventures");
    expect(toMeasure(undefined)).toBe("ventures");
  });

  it("takes a region's figure for the measure, nothing recorded as null", () => {
    const region = { ventures: 3, meetings: 0, tradeUsd: 250_000_000 };
    expect(figureOf(region, "ventures")).toBe(3);
    expect(figureOf(region, "meetings")).toBeNull();
    expect(figureOf(region, "trade")).toBe(250_000_000);
    expect(figureOf({ ventures: 0, meetings: 0, tradeUsd: null }, "trade")).toBeNull();
  });

  it("has no classes when nothing is recorded", () => {
    expect(shadeClasses([])).toEqual([]);
    expect(shadeClasses([null, 0, null])).toEqual([]);
    expect(fillOf(null, [])).toBe(NONE_FILL);
  });

  it("gives each distinct value its class while there are few, so the legend names what occurs", () => {
    expect(shadeClasses([1, 2, 1, 10, null, 0])).toEqual([
      { min: 1, max: 1 },
      { min: 2, max: 2 },
      { min: 10, max: 10 },
    ]);
  });

  it("splits many values into four classes of as many values each, one large value in a class of its own", () => {
    const classes = shadeClasses([1, 2, 3, 4, 5, 6, 7, 8, 1000]);
    expect(classes).toHaveLength(4);
    expect(classes[0]).toEqual({ min: 1, max: 2 });
    expect(classes[3]!.max).toBe(1000);
    // Every value falls in exactly one class, in order.
    for (const value of [1, 2, 3, 4, 5, 6, 7, 8, 1000]) {
      const index = classOf(value, classes)!;
      expect(value).toBeGreaterThanOrEqual(classes[index]!.min);
      expect(value).toBeLessThanOrEqual(classes[index]!.max);
    }
    expect(classOf(0, classes)).toBeNull();
    expect(classOf(null, classes)).toBeNull();
  });

  it("shades from light to dark, distinct fills for distinct classes", () => {
    expect(classFills(1)).toHaveLength(1);
    for (const count of [2, 3, 4]) expect(new Set(classFills(count)).size).toBe(count);
    const classes = shadeClasses([1, 5]);
    expect(fillOf(5, classes)).toBe(classFills(2)[1]);
    expect(fillOf(1, classes)).toBe(classFills(2)[0]);
  });

  it("labels a class by its ends as the table formats them", () => {
    const format = (value: number) => value.toLocaleString("en");
    expect(classLabel({ min: 3, max: 3 }, format)).toBe("3");
    expect(classLabel({ min: 1000, max: 25000 }, format)).toBe("1,000–25,000");
  });
});

describe("the map's projection and layout", () => {
  it("has a shape for each of the demo registry's regions, matched by ISO code in any case", () => {
    for (const region of registry.filter((r) => r.level !== "country")) expect(findShape(region.isoCode), region.slug).not.toBeNull();
    expect(findShape("ru-krs")?.properties.nameEn).toBe("Kursk");
    expect(findShape("XX-ZZZ")).toBeNull();
    expect(findShape(null)).toBeNull();
  });

  it("fits the regions to the frame: each drawn inside it, and together reaching its padded edges", () => {
    const shapes = registry.flatMap((r) => (r.level === "country" ? [] : [findShape(r.isoCode)!]));
    const { projection, height } = fitProjection(shapes);
    expect(height).toBeGreaterThanOrEqual(360);
    expect(height).toBeLessThanOrEqual(MAP_HEIGHT);
    const draw = pathMaker(projection);
    const xs: number[] = [];
    const ys: number[] = [];
    for (const shape of shapes) {
      const drawn = draw(shape)!;
      const points = coordinates(drawn.d);
      xs.push(...points.xs);
      ys.push(...points.ys);
    }
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(23);
    expect(Math.max(...xs)).toBeLessThanOrEqual(MAP_WIDTH - 23);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(23);
    expect(Math.max(...ys)).toBeLessThanOrEqual(height - 23);
    // Fitted, not merely inside: the regions touch the padding on two opposite sides.
    const touchesSides = Math.min(...xs) < 26 && Math.max(...xs) > MAP_WIDTH - 26;
    const touchesTopAndBottom = Math.min(...ys) < 26 && Math.max(...ys) > height - 26;
    expect(touchesSides || touchesTopAndBottom).toBe(true);
  });

  it("puts Belarus west of Russia's regions and north up", () => {
    const layout = layoutMap(registry);
    const centre = (slug: string) => layout.areas.find((area) => area.slug === slug)!.centroid;
    expect(centre("brest-region")[0]).toBeLessThan(centre("kursk-oblast")[0]);
    expect(centre("vitebsk-region")[1]).toBeLessThan(centre("gomel-region")[1]);
    expect(centre("belgorod-oblast")[1]).toBeGreaterThan(centre("bryansk-oblast")[1]);
  });

  it("lists countries and regions without a shape instead of drawing or dropping them", () => {
    const layout = layoutMap([
      ...registry,
      { slug: "nowhere", isoCode: null, level: "region" },
      { slug: "unknown", isoCode: "RU-ZZZ", level: "region" },
    ]);
    expect(layout.areas.map((area) => area.slug).sort()).toEqual(
      registry
        .filter((r) => r.level !== "country")
        .map((r) => r.slug)
        .sort(),
    );
    expect(layout.unmatched.map((place) => place.slug).sort()).toEqual(["belarus", "nowhere", "russia", "unknown"]);
  });

  it("ships only what lies in the frame: far regions and countries are left out of the page", () => {
    const far = { slug: "kamchatka", isoCode: "RU-KAM", level: "region" };
    const layout = layoutMap([...registry, far]);
    // Kamchatka widens the frame to the whole of Russia; fitted to the western regions, it is outside.
    const western = layoutMap([...registry, far], new Set(registry.map((r) => r.slug)));
    expect(layout.outside).toEqual([]);
    expect(western.outside.map((place) => place.slug)).toEqual(["kamchatka"]);
    const size = (l: typeof layout) => l.context.land.join("").length + l.areas.reduce((sum, area) => sum + area.d.length, 0);
    expect(size(western)).toBeLessThan(40_000);
    expect(western.context.land.length).toBeLessThan(layout.context.land.length);
  });

  it("focuses a region page's map on the region and its partners", () => {
    const layout = layoutMap(registry, new Set(["kursk-oblast", "belgorod-oblast"]));
    const kursk = layout.areas.find((area) => area.slug === "kursk-oblast")!;
    const belgorod = layout.areas.find((area) => area.slug === "belgorod-oblast")!;
    // The two fill the frame: far apart in it, where on the whole map they sit in one corner.
    const whole = layoutMap(registry);
    const distance = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
    const wholeDistance = distance(
      whole.areas.find((a) => a.slug === "kursk-oblast")!.centroid,
      whole.areas.find((a) => a.slug === "belgorod-oblast")!.centroid,
    );
    expect(distance(kursk.centroid, belgorod.centroid)).toBeGreaterThan(2 * wholeDistance);
    // Brest Region, far to the west, is cut by the frame or left out.
    expect(layout.areas.some((area) => area.slug === "brest-region")).toBe(false);
  });

  it("keeps every shape's outer ring the right way round (no region drawn as the whole globe)", () => {
    for (const region of registry.filter((r) => r.level !== "country")) {
      const [[west, south], [east, north]] = geoBounds(findShape(region.isoCode)!);
      expect(east - west, region.slug).toBeLessThan(20);
      expect(north - south, region.slug).toBeLessThan(10);
    }
  });
});
