/**
 * Writes a backup of the registry's database to FILE, for IT:
 *
 *   npm run backup -- FILE
 *
 * One consistent moment of every table of the app, taken while the app runs, as PostgreSQL's COPY text in a
 * gzip'd file of our own format (lib/backup/format.ts): not pg_dump's, which the embedded PostgreSQL does not
 * ship (README, "Backup and restore"). `npm run restore -- FILE` puts it back. An existing FILE is not replaced.
 * Uses DATABASE_URL, or the embedded PostgreSQL of `npm start` when it is unset, as `user:create` does.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { writeBackup } from "../lib/backup/dump.ts";
import { openAppDatabaseAsItIs } from "./database.ts";

const ArgsSchema = z.object({
  file: z.string({ error: "Give the file to write: npm run backup -- FILE" }).min(1),
});

function sizeText(bytes: number) {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function main() {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  const parsed = ArgsSchema.safeParse({ file: positionals[0] });
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `- ${issue.message}`).join("\n"));
  const { file } = parsed.data;

  const database = await openAppDatabaseAsItIs({ create: false });
  try {
    const summary = await writeBackup(database.url, file).catch((error: unknown) => {
      // PostgreSQL's "invalid_catalog_name": the embedded server holds no registry before the app's first start.
      if ((error as { code?: string }).code === "3D000" && database.embedded)
        throw new Error("The embedded PostgreSQL holds no registry yet: nothing to back up (npm start creates it).");
      throw error;
    });
    const rows = summary.tables.reduce((sum, table) => sum + table.rows, 0);
    for (const table of summary.tables) console.log(`  ${table.table}: ${table.rows} rows`);
    console.log(
      `Backed up ${summary.tables.length} tables, ${rows} rows, at ${summary.migrations} migrations, to ${file} (${sizeText(summary.bytes)}).`,
    );
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
