import { createBatch, storedRows } from "@/lib/import/batch";
import type { RecordType } from "@/lib/import/fields";
import { previewImport } from "@/lib/import/preview";
import type { Db } from "@/lib/db/prisma-client";
import { columnsOf, sheetOf } from "./import-sheets";

/**
 * Previews `rows` under `headers` as `type` and stores the preview as a queued batch, as the upload screen does
 * (the test file mocks what the preview's modules need of Next). The commit and the undo are the test's.
 */
export async function stageBatch(
  prisma: Db,
  batch: { type: RecordType; headers: string[]; rows: string[][]; authorId: number; fileName?: string },
) {
  const sheet = sheetOf(batch.headers, batch.rows);
  const columns = columnsOf(batch.type, sheet);
  const preview = await previewImport({ type: batch.type, sheet, columns, locale: "ru" });
  const batchId = await createBatch(prisma, {
    recordType: batch.type,
    fileName: batch.fileName ?? `${batch.type}.xlsx`,
    bytes: Buffer.from(JSON.stringify(batch.rows)),
    sheetName: sheet.name,
    authorId: batch.authorId,
    mapping: columns,
    rows: storedRows(preview.rows),
  });
  await prisma.importBatch.update({ where: { id: batchId }, data: { status: "queued" } });
  return { batchId, preview };
}
