/**
 * Imports a spreadsheet from the command line, for IT: the same reading, checks, duplicate rule and audited
 * write path as the workspace's import, with the columns matched automatically from their headers.
 *
 *   npm run import -- FILE --type organizations [--sheet NAME] [--dry-run] [--as EMAIL] [--json]
 *
 * A row that would need an official's decision (a likely duplicate by name) is refused, with the reason.
 * `--json` prints one object last: {"created","updated","unchanged","refused","errors":[{row,column,message}]}.
 * Uses DATABASE_URL, or the embedded PostgreSQL of `npm start` when it is unset, as `user:create` does.
 * Runs under tsx with scripts/server-modules.mjs, which lets it load the app's server modules (package.json).
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { recordTypes } from "../lib/import/fields.ts";
import { READ_LIMITS } from "../lib/import/read.ts";
import { openAppDatabase } from "./database.ts";

const ArgsSchema = z
  .object({
    file: z.string({ error: "Give the file to import: npm run import -- FILE --type organizations" }).min(1),
    type: z.enum(recordTypes, { error: `--type must be one of: ${recordTypes.join(", ")}` }),
    sheet: z.string().max(100).optional(),
    "dry-run": z.boolean().default(false),
    as: z.string().trim().toLowerCase().email({ error: "--as must be a staff member's email address" }).optional(),
    json: z.boolean().default(false),
  })
  .refine((args) => args["dry-run"] || args.as, {
    error: "--as EMAIL is required to import (the staff member the audit log names); or use --dry-run",
  });

type Summary = {
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  errors: { row: number; column: string; message: string }[];
};

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      type: { type: "string" },
      sheet: { type: "string" },
      "dry-run": { type: "boolean" },
      as: { type: "string" },
      json: { type: "boolean" },
    },
  });
  const parsed = ArgsSchema.safeParse({ ...values, file: positionals[0] });
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `- ${issue.message}`).join("\n"));
  const args = parsed.data;

  const size = (await stat(args.file).catch(() => null))?.size;
  if (size === undefined) throw new Error(`There is no file ${args.file}.`);
  if (size > READ_LIMITS.maxFileBytes) throw new Error(`${args.file} is larger than ${READ_LIMITS.maxFileBytes / 1024 / 1024} MB.`);

  const database = await openAppDatabase();
  try {
    const { url } = database;
    // The app's modules read their configuration from the environment; this command signs no session.
    process.env.DATABASE_URL = url;
    process.env.NEXTAUTH_SECRET ??= "import-command-signs-no-session-0000000000";
    const summary = await run(args, new Uint8Array(await readFile(args.file)));
    if (args.json) console.log(JSON.stringify(summary));
  } finally {
    await database.stop();
  }
}

async function run(args: z.output<typeof ArgsSchema>, bytes: Uint8Array): Promise<Summary> {
  const [{ readSpreadsheet }, { matchHeaders }, { previewImport }, batch, { rowWriters }, { messageTranslator, issueLine }, { db }] =
    await Promise.all([
      import("../lib/import/read.ts"),
      import("../lib/import/headers.ts"),
      import("../lib/import/preview.ts"),
      import("../lib/import/batch.ts"),
      import("../lib/import/writers.ts"),
      import("../lib/import/report.ts"),
      import("../lib/db/client.ts"),
    ]);
  const say = (line: string) => (args.json ? undefined : console.log(line));
  const read = await readSpreadsheet({ bytes, name: basename(args.file) });
  const translate = messageTranslator("en");
  if (!read.ok)
    throw new Error(`${args.file} could not be read: ${translate({ key: `import.${read.error.key}`, values: read.error.values })}`);
  const sheet = args.sheet === undefined ? read.sheets[0] : read.sheets.find((s) => s.name === args.sheet);
  if (!sheet)
    throw new Error(`No sheet ${args.sheet ?? ""} to import; the file has: ${read.sheets.map((s) => s.name).join(", ") || "none"}.`);

  const columns = matchHeaders(args.type, sheet.headers);
  say(`Sheet "${sheet.name}": ${sheet.rows.length} rows; columns ${Object.values(columns.mapping).join(", ")}`);
  if (columns.unmapped.length) say(`Columns left out: ${columns.unmapped.map((i) => sheet.headers[i] || `#${i + 1}`).join(", ")}`);

  const preview = await previewImport({ type: args.type, sheet, columns, locale: "en" });
  const errors: Summary["errors"] = [];
  for (const row of preview.rows) {
    if (row.status === "decide")
      errors.push({
        row: row.row,
        column: "",
        message: "Looks like a record already in the registry: import it in the workspace to decide.",
      });
    for (const issue of row.status === "refused" ? (row.issues ?? []) : []) {
      errors.push({ row: row.row, column: issue.column, message: issueLine({ ...issue, column: "" }, translate) });
    }
  }
  const counts = preview.counts;
  const summary: Summary = {
    created: counts.create,
    updated: counts.update,
    unchanged: counts.unchanged,
    refused: counts.refused + counts.decide,
    errors,
  };
  for (const error of errors) say(`Row ${error.row}${error.column ? `, ${error.column}` : ""}: ${error.message}`);
  if (args["dry-run"] || counts.create + counts.update === 0) {
    say(
      `${args["dry-run"] ? "Dry run: nothing written. " : "Nothing to write. "}${JSON.stringify(summary, ["created", "updated", "unchanged", "refused"])}`,
    );
    return args["dry-run"] ? summary : { ...summary, created: 0, updated: 0 };
  }

  const prisma = db();
  const author = await prisma.user.findFirst({ where: { email: args.as, disabledAt: null, archivedAt: null }, select: { id: true } });
  if (!author) throw new Error(`No active staff member has the email ${args.as}. Nothing was written.`);
  const rows = batch.storedRows(preview.rows.map((row) => (row.status === "decide" ? { ...row, status: "refused" as const } : row)));
  const batchId = await batch.createBatch(prisma, {
    recordType: args.type,
    fileName: basename(args.file),
    bytes,
    sheetName: sheet.name,
    authorId: author.id,
    mapping: columns,
    rows,
  });
  await prisma.importBatch.update({ where: { id: batchId }, data: { status: "queued" } });
  const outcome = await batch.commitBatch(prisma, batchId, rowWriters);
  await prisma.$disconnect();
  // The running app's processes keep public reads in memory: tell them what this import wrote.
  if (outcome.status !== "committed" || outcome.written > 0) {
    // An import may touch every record type's reads (six types, and the regions and sectors they name).
    const { announce, cacheTags } = await import("../lib/cache.ts");
    await announce(process.env.DATABASE_URL ?? "", cacheTags);
  }
  if (outcome.status === "failed")
    throw new Error(`Import ${batchId} stopped: ${outcome.error}. What was written before it stays and can be undone.`);
  say(`Import ${batchId} committed: ${JSON.stringify(summary, ["created", "updated", "unchanged", "refused"])}`);
  return summary;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
