import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";

/** What every staff route answers with: for one signed-in person, so never cached. */
const privateHeaders = { "cache-control": "private, no-store" } as const;

/** A staff route's JSON answer. */
export const staffJson = (body: unknown, status = 200) => NextResponse.json(body, { status, headers: privateHeaders });

/**
 * A staff route (the pickers' lookup, the import's templates, progress and error report): staff only, checked
 * here against the database whatever the proxy did (401 for the public and a disabled account), and 503 when
 * the registry is not available, logged as `what` failed. `answer` gets the request, the person and the
 * route's context (its params).
 */
export function staffRoute<Context>(
  what: string,
  answer: (request: NextRequest, user: CurrentUser, context: Context) => Promise<Response>,
) {
  // Next always passes the context; a route without params may be called without one.
  return async (request: NextRequest, context?: Context): Promise<Response> => {
    try {
      const user = await getCurrentUser();
      if (!user) return staffJson({ error: "Sign in first." }, 401);
      return await answer(request, user, context as Context);
    } catch (error) {
      console.error(`${what} failed`, error);
      return staffJson({ error: "The registry is not available. Try again in a minute." }, 503);
    }
  };
}

/** An XLSX workbook to download under `fileName`. */
export function xlsxDownload(body: Uint8Array, fileName: string) {
  return new NextResponse(new Uint8Array(body), {
    headers: {
      ...privateHeaders,
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${fileName}"`,
    },
  });
}
