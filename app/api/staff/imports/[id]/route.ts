import { NextResponse } from "next/server";
import { RecordId } from "@/lib/actions/fields";
import { getCurrentUser } from "@/lib/auth/session";
import { batchProgress } from "@/lib/import/workspace";

/**
 * A commit's progress for the import page's bar: `{ status, rowsDone, rowsTotal, secondsLeft }`. Staff only,
 * checked here against the database; never cached.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const headers = { "cache-control": "private, no-store" };
  try {
    if (!(await getCurrentUser())) return NextResponse.json({ error: "Sign in first." }, { status: 401, headers });
    const id = RecordId.safeParse((await params).id);
    const progress = id.success ? await batchProgress(id.data) : null;
    if (!progress) return NextResponse.json({ error: "There is no such import." }, { status: 404, headers });
    return NextResponse.json(progress, { headers });
  } catch (error) {
    console.error("Import progress failed", error);
    return NextResponse.json({ error: "The registry is not available. Try again in a minute." }, { status: 503, headers });
  }
}
