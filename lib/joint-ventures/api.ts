import "server-only";
import { ApiProblem, invalidParameters } from "@/lib/api/problem";
import type { JointVentureQuery } from "@/lib/joint-ventures/dto";
import { InvalidCursorError, listJointVenturesByCursor } from "@/lib/joint-ventures/queries";
import { JointVentureFilterSchema, type JointVentureDto } from "@/lib/joint-ventures/schema";
import type { CursorPage } from "@/lib/pagination";

/**
 * GET /api/v1/joint-ventures: the joint-venture table's keyset read, with the filter checked by its own schema
 * (ranges in order). The exports are lib/joint-ventures/export.ts.
 */
export async function listJointVenturesForApi(query: JointVentureQuery): Promise<CursorPage<JointVentureDto>> {
  const { limit, cursor, ...fields } = query;
  const filter = JointVentureFilterSchema.safeParse(fields);
  if (!filter.success) throw invalidParameters(filter.error.issues);
  try {
    return await listJointVenturesByCursor(filter.data, { cursor, limit });
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw new ApiProblem("invalidParameters", "Check the parameter cursor: it is not one this API gave out; start again without it.", {
        errors: { cursor: ["cursor is not one this API gave out: start again without it."] },
      });
    }
    throw error;
  }
}
