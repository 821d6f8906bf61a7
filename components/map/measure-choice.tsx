import Link from "next/link";
import { mapMeasures, type MapMeasure } from "@/lib/map/shading";

/**
 * What the map is shaded by, chosen with plain links (no script needed): each keeps the reader on the same page
 * with `?measure=` set, the chosen one marked as current.
 */
export function MeasureChoice({
  label,
  measure,
  names,
  hrefOf,
}: {
  label: string;
  measure: MapMeasure;
  names: Record<MapMeasure, string>;
  hrefOf: (measure: MapMeasure) => string;
}) {
  return (
    <nav aria-label={label} className="mb-4">
      <p className="mb-2 font-bold">{label}</p>
      <ul className="flex flex-wrap gap-2">
        {mapMeasures.map((choice) => (
          <li key={choice}>
            {choice === measure ? (
              <Link
                href={hrefOf(choice)}
                aria-current="true"
                className="inline-block border-2 border-ink bg-ink px-3 py-1 font-bold text-white! no-underline"
              >
                {names[choice]}
              </Link>
            ) : (
              <Link href={hrefOf(choice)} scroll={false} className="inline-block border-2 border-brand px-3 py-1">
                {names[choice]}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
