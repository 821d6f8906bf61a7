import type { NextRequest } from "next/server";

/**
 * How deep the arguments of a server action may nest. React's reply decoder walks them recursively: a
 * bound argument nested 20,000 deep exhausted the stack and answered 500 (issue 13). Our actions take an
 * id, a version, a form: three levels at most.
 */
export const actionArgumentDepthLimit = 32;

/**
 * The deepest nesting of arrays and objects in JSON text, strings skipped, stopping as soon as it passes
 * `limit`. Not a parser: unbalanced text is React's to refuse, only depth is counted here.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i += 1;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth = Math.max(0, depth - 1);
  }
  return false;
}

/**
 * Whether a page POST (a server action, with or without script) carries arguments nested past the limit.
 * Read from a clone of the body (Next keeps the original for the action). Only the parts that hold arguments
 * are counted: the whole body when it is JSON text (a call from script without files), and in a multipart
 * body the parts React names by number (`0`, `1`) or `$ACTION_` (a form posted before script loads), never
 * the fields the editor typed. A body that cannot be read is left to Next, which refuses it.
 */
export async function actionArgumentsTooDeep(request: NextRequest): Promise<boolean> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) {
      const form = await request.clone().formData();
      for (const [name, value] of form.entries()) {
        if (typeof value === "string" && /^(\d+|\$ACTION_.*)$/.test(name) && jsonDepthExceeds(value, actionArgumentDepthLimit)) return true;
      }
      return false;
    }
    return jsonDepthExceeds(await request.clone().text(), actionArgumentDepthLimit);
  } catch {
    return false;
  }
}
