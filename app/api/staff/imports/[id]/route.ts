import { RecordId } from "@/lib/actions/fields";
import { staffJson, staffRoute } from "@/lib/http/staff-route";
import { batchProgress } from "@/lib/import/workspace";

/** A commit's progress for the import page's bar: `{ status, rowsDone, rowsTotal, secondsLeft }`. */
export const GET = staffRoute("Import progress", async (_request, _user, { params }: { params: Promise<{ id: string }> }) => {
  const id = RecordId.safeParse((await params).id);
  const progress = id.success ? await batchProgress(id.data) : null;
  if (!progress) return staffJson({ error: "There is no such import." }, 404);
  return staffJson(progress);
});
