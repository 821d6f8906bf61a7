import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { importFileBytes, importUploadBodyBytes as MAX_BODY } from "@/lib/http/body-size";
import { storeUpload } from "@/lib/import/workspace";
import type { ImportMessage } from "@/lib/import/messages";
import { paths } from "@/lib/paths";

/**
 * The import's upload: a plain HTML form posts one file here (multipart), and the official is sent on to
 * map its first sheet (one batch per sheet, lib/import/workspace.ts), or back to the upload page with the
 * reason the file was refused. Staff only, checked here against the database; the proxy lets only this
 * site's pages post to it. The body is read with a bound: past the file limit nothing more is read.
 */
export async function POST(request: NextRequest) {
  const user = await getCurrentUser().catch(() => null);
  if (!user) return seeOther(paths.signIn(paths.staff.imports()));
  if (user.mustChangePassword) return seeOther(paths.staff.account());
  const back = (error: ImportMessage | { key: string; values?: Record<string, string | number> }) =>
    seeOther(paths.staff.imports({ error: error.key, ...error.values }));

  const tooLarge = { key: "fileTooLarge", values: { limit: importFileBytes / 1024 / 1024 } };
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY) return back(tooLarge);
  const body = await readBounded(request, MAX_BODY);
  if (body === null) return back(tooLarge);

  let file: File | null = null;
  try {
    const form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
    const value = form.get("file");
    file = value instanceof File && value.size > 0 ? value : null;
  } catch {
    file = null;
  }
  if (!file) return back({ key: "fileMissing" });

  try {
    const stored = await storeUpload(user.id, { name: file.name.slice(0, 255), bytes: new Uint8Array(await file.arrayBuffer()) });
    if (!stored.ok) return back(stored.error);
    return seeOther(paths.staff.importBatch(stored.batchIds[0]!));
  } catch (error) {
    console.error("Import upload failed", error);
    return back({ key: "unavailable" });
  }
}

/**
 * Where the browser goes next, as a path: the server's own idea of its host (0.0.0.0 behind a proxy) is not the
 * address the official uses, and the pages' CSP (`form-action 'self'`) blocks a form whose answer leads elsewhere.
 */
function seeOther(path: string) {
  return new NextResponse(null, { status: 303, headers: { location: path, "cache-control": "no-store" } });
}

/** The request's body, or null once it passes `limit` bytes (a chunked body has no Content-Length to refuse early). */
async function readBounded(request: NextRequest, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
