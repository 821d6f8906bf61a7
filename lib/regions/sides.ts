import "server-only";
import { db, type Db } from "@/lib/db/client";

/**
 * A side of a region pair: a region with its live parts (a country with its oblasts, an oblast with its cities
 * and districts), read from regions.parent_id. Belarus as a partner of Kursk Oblast is also Gomel Region's
 * enterprises and a meeting held with Minsk. The pair page, a region's partners and the briefing pack all count
 * a side this one way, so that a region counts in all of them or in none.
 */

/** How many levels below the region a side reaches: more than any real hierarchy (country, region, district, town). */
export const SIDE_DEPTH = 4;
/** A side's regions at most. No registry of regions comes near it (Russia has 89 subjects); it only bounds the read. */
const SIDE_REGIONS_LIMIT = 2000;

/**
 * A live region and its live parts, down to SIDE_DEPTH levels: the ids one side stands for. On the primary unless
 * told otherwise: the public's pair pages pass `readDb()` (lib/db/client.ts), the staff's briefing does not.
 */
export async function sideRegionIds(regionId: number, client: Db = db()): Promise<number[]> {
  const rows = await client.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE side AS (
      SELECT r.id, 0 AS depth FROM regions r WHERE r.id = ${regionId}
      UNION
      SELECT c.id, s.depth + 1 FROM regions c JOIN side s ON c.parent_id = s.id
      WHERE c.archived_at IS NULL AND s.depth < ${SIDE_DEPTH}
    )
    SELECT DISTINCT id FROM side LIMIT ${SIDE_REGIONS_LIMIT}`;
  return rows.map((row) => row.id);
}
