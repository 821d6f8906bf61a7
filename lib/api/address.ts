import { operations } from "@/lib/api/operations";
import { ApiProblem } from "@/lib/api/problem";

/**
 * The API's check of its own address, which the proxy (proxy.ts) runs before Next routes the request: Next
 * cannot decode a path parameter such as `%ff` and answers a bare 500 without the security headers, and a NUL
 * reaches no record (PostgreSQL refuses it). Either is the request's fault, so it gets a 400 naming the part.
 */

const undecodable =
  "This part of the address does not decode to text: percent-encode the value as UTF-8 (such as %D0%BA for к), without %00.";

/** Whether one path segment percent-decodes to text without a NUL. */
function decodesToText(segment: string): boolean {
  try {
    return !decodeURIComponent(segment).includes("\u0000");
  } catch {
    return false;
  }
}

/**
 * The name of the path parameter at `index` in the operation whose path template these segments fit
 * (`slug` in /api/v1/regions/{slug}), or "path" when no operation has a parameter there.
 */
function parameterAt(segments: readonly string[], index: number): string {
  for (const { path } of Object.values(operations)) {
    const template = path.split("/");
    if (template.length !== segments.length) continue;
    const fits = template.every((part, i) => i === index || part.startsWith("{") || part === segments[i]);
    const name = /^\{(\w+)\}$/.exec(template[index] ?? "")?.[1];
    if (fits && name) return name;
  }
  return "path";
}

/** A 400 problem for an API path with a segment that does not decode (or decodes to a NUL), or null when it is fine. */
export function undecodablePathProblem(pathname: string): ApiProblem | null {
  const segments = pathname.split("/");
  const bad = segments.findIndex((segment) => !decodesToText(segment));
  if (bad === -1) return null;
  const name = parameterAt(segments, bad);
  const detail = name === "path" ? `Check the address: ${undecodable}` : `Check the parameter ${name}: ${undecodable}`;
  return new ApiProblem("invalidParameters", detail, { errors: { [name]: [undecodable] } });
}
