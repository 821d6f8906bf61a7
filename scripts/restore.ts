/**
 * Restores a backup of `npm run backup` into the registry's database, for IT:
 *
 *   npm run restore -- FILE            into an empty database (a new one, or the embedded one before first start)
 *   npm run restore -- FILE --force    replacing everything the database holds (stop the app first)
 *   npm run restore -- FILE --check    reads the whole file and checks it, touching no database
 *
 * The file is checked whole before the database is touched; a cut or damaged file is refused. An empty database
 * gets this version's migrations, which must be the backup's. The rows go in within one transaction, checked as
 * they go: either all of the backup is restored, or nothing is changed.
 * Uses DATABASE_URL, or the embedded PostgreSQL of `npm start` when it is unset, as `user:create` does.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { BackupFileError } from "../lib/backup/format.ts";
import { checkBackup, RestoreRefusedError, restoreBackup, type CheckedBackup } from "../lib/backup/restore.ts";
import { migrate, migrationNames, openAppDatabaseAsItIs } from "./database.ts";

const ArgsSchema = z.object({
  file: z.string({ error: "Give the backup to restore: npm run restore -- FILE" }).min(1),
  force: z.boolean().default(false),
  check: z.boolean().default(false),
});

function describe(backup: CheckedBackup) {
  for (const table of backup.tables) console.log(`  ${table.table}: ${table.rows} rows`);
  const rows = backup.tables.reduce((sum, table) => sum + table.rows, 0);
  return `${backup.tables.length} tables, ${rows} rows, at ${backup.manifest.migrations.length} migrations (the last ${backup.manifest.migrations.at(-1) ?? "none"}), made ${backup.manifest.createdAt} from ${backup.manifest.server.split(" on ")[0]}`;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { force: { type: "boolean" }, check: { type: "boolean" } },
  });
  const parsed = ArgsSchema.safeParse({ ...values, file: positionals[0] });
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `- ${issue.message}`).join("\n"));
  const args = parsed.data;

  if (args.check) {
    const backup = await checkBackup(args.file);
    console.log(`${args.file} is a whole backup: ${describe(backup)}.`);
    return;
  }
  const database = await openAppDatabaseAsItIs({ create: true });
  try {
    const backup = await restoreBackup(database.url, args.file, {
      force: args.force,
      migrationsOnDisk: migrationNames(),
      migrate,
      log: (line) => console.log(line),
    });
    console.log(`Restored ${describe(backup)}.`);
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  const known = error instanceof BackupFileError || error instanceof RestoreRefusedError;
  console.error(`${error instanceof Error ? error.message : error}${known ? "\nNothing was restored." : ""}`);
  process.exit(1);
});
