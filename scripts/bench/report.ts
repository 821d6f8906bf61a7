/**
 * The results of `npm run bench`: the table of runs, the targets met or missed, and the JSON files
 * bench/results.json (a full run) and bench/sign-in-load.json (`signin` alone).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../database.ts";
import { GENERATED_COUNTS } from "./generate.ts";
import type { DumpBuildResult, ExportResult } from "./export.ts";
import { round, SEARCH_QUERIES, type BenchTargets, type RunResult, type RunSettings, type RunSpec } from "./measure.ts";
import { printSignInLoad, signInLoadChecks, type SignInLoadResult } from "./sign-in-load.ts";

const resultsFile = join(projectRoot, "bench", "results.json");
const signInResultsFile = join(projectRoot, "bench", "sign-in-load.json");

const TARGETS = {
  searchP95Ms: 30,
  searchRatio: 0.5,
  listP95Ms: 60,
  listBytes: 200 * 1024,
  exportSeconds: 5,
  exportRssMb: 200,
  dashboardP95Ms: 100,
};

type Check = { target: string; value: string | number | null; met: boolean };

function printTable(runs: RunResult[]) {
  const header = ["run", "p50 ms", "p95 ms", "p99 ms", "req/s", "bytes", "requests", "non-2xx", "errors"];
  const rows = runs.map((r) =>
    [r.name + (r.ok ? "" : " (FAILED)"), r.p50Ms, r.p95Ms, r.p99Ms, r.rps, r.bytes, r.requests, r.non2xx, r.errors].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(line(row));
}

function printChecks(checks: Check[]) {
  console.log("\nTargets:");
  for (const check of checks) console.log(`  ${check.met ? "met    " : "MISSED "} ${check.target}: ${check.value ?? "n/a"}`);
}

function writeResults(file: string, results: unknown) {
  mkdirSync(join(projectRoot, "bench"), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote ${file}`);
}

/**
 * An export's memory: what the server (every process of it, summed) grew by while it streamed, against the same
 * bound as the full download's process. The server's own size (page servers, job process, caches) is not the
 * export's; before the cluster, one process's peak was compared.
 */
function memoryCheck(name: string, result: ExportResult): Check {
  const growth = round(result.peakRssMb - result.rssBeforeMb);
  return {
    target: `${name}: server memory growth < ${TARGETS.exportRssMb} MB`,
    value: `${growth} MB (${result.rssBeforeMb} -> ${result.peakRssMb} MB)`,
    met: result.ok && growth < TARGETS.exportRssMb,
  };
}

/** The targets of a full run, and the search API's throughput as a share of the baseline's. */
function benchChecks(runs: RunResult[], specs: RunSpec[], exported: ExportResult | undefined, signInLoad: SignInLoadResult | undefined) {
  const byName = new Map(runs.map((r) => [r.name, r]));
  const search = byName.get("search-api");
  const searchBaseline = byName.get("search-baseline");
  const oneReader = byName.get("search-api-one-reader");
  const searchRatioToBaseline =
    search?.ok && searchBaseline?.ok && searchBaseline.rps > 0 ? round(search.rps / searchBaseline.rps, 2) : null;
  const listNames = new Set(specs.filter((s) => s.list).map((s) => s.name));
  const listRuns = runs.filter((r) => listNames.has(r.name));
  const checks = [
    {
      target: `search API p95 <= ${TARGETS.searchP95Ms} ms, one reader at a time`,
      value: oneReader?.p95Ms ?? null,
      met: !!oneReader?.ok && oneReader.p95Ms <= TARGETS.searchP95Ms,
    },
    {
      target: `search throughput >= ${TARGETS.searchRatio}x baseline`,
      value: searchRatioToBaseline,
      met: searchRatioToBaseline !== null && searchRatioToBaseline >= TARGETS.searchRatio,
    },
    ...listRuns.map((r) => ({
      target: `${r.name} p95 <= ${TARGETS.listP95Ms} ms and < 200 KB`,
      value: `${r.p95Ms} ms, ${r.bytes} B`,
      met: r.ok && r.p95Ms <= TARGETS.listP95Ms && r.bytes < TARGETS.listBytes,
    })),
    ...runs
      .filter((r) => r.name === "dashboard" || r.name === "dashboard-uncached")
      .map((r) => ({
        target: `${r.name} p95 <= ${TARGETS.dashboardP95Ms} ms`,
        value: `${r.p95Ms} ms`,
        met: r.ok && r.p95Ms <= TARGETS.dashboardP95Ms,
      })),
    ...(exported
      ? [
          {
            target: `CSV export (per 100,000 rows) < ${TARGETS.exportSeconds} s`,
            value: exported.secondsPer100kRows,
            met: exported.ok && (exported.secondsPer100kRows ?? Infinity) < TARGETS.exportSeconds,
          },
          memoryCheck("CSV export", exported),
        ]
      : []),
    ...(signInLoad ? signInLoadChecks(signInLoad) : []),
  ];
  return { checks, searchRatioToBaseline };
}

export type BenchOutcome = {
  runs: RunResult[];
  /** Every run's spec, the cached and the uncached ones: the list pages among them have a size target too. */
  specs: RunSpec[];
  exported: ExportResult | undefined;
  /** The same export as XLSX (exceljs's streaming writer), measured after the CSV on the same server. */
  exportedXlsx: ExportResult | undefined;
  /** The 100,000 organizations as XLSX, after the joint ventures' exports on the same server. */
  organizationsXlsx: ExportResult | undefined;
  /** One build of the full download, in a process of its own; target: peak RSS under 200 MB. */
  dumped: DumpBuildResult | undefined;
  signInLoad: SignInLoadResult | undefined;
  loadBefore: number[];
  loadAfter: number[];
  targets: BenchTargets;
};

/** Prints the table, the export and the targets of a full run, and writes bench/results.json. */
export function reportBench(
  { runs, specs, exported, exportedXlsx, organizationsXlsx, dumped, signInLoad, loadBefore, loadAfter, targets }: BenchOutcome,
  settings: RunSettings,
  embedded: boolean,
) {
  const { checks, searchRatioToBaseline } = benchChecks(runs, specs, exported, signInLoad);
  printTable(runs);
  if (signInLoad) printSignInLoad(signInLoad);
  console.log(`\nsearch-api / search-baseline throughput: ${searchRatioToBaseline ?? "n/a"}`);
  if (exported)
    console.log(
      `CSV export: ${exported.rows} rows, ${exported.bytes} bytes in ${exported.seconds} s (${exported.secondsPer100kRows ?? "n/a"} s per 100,000 rows), ` +
        `server RSS ${exported.rssBeforeMb} MB before, ${exported.peakRssMb} MB peak (${exported.serverProcesses} processes)${exported.ok ? "" : ` FAILED (HTTP ${exported.status})`}`,
    );
  if (exportedXlsx)
    console.log(
      `XLSX export: ${exportedXlsx.rows} rows, ${exportedXlsx.bytes} bytes in ${exportedXlsx.seconds} s (${exportedXlsx.secondsPer100kRows ?? "n/a"} s per 100,000 rows), ` +
        `server RSS ${exportedXlsx.rssBeforeMb} MB before, ${exportedXlsx.peakRssMb} MB peak${exportedXlsx.ok ? "" : ` FAILED (HTTP ${exportedXlsx.status})`}`,
    );
  if (organizationsXlsx)
    console.log(
      `Organizations XLSX export: ${organizationsXlsx.rows} rows, ${organizationsXlsx.bytes} bytes in ${organizationsXlsx.seconds} s, ` +
        `server RSS ${organizationsXlsx.rssBeforeMb} MB before, ${organizationsXlsx.peakRssMb} MB peak${organizationsXlsx.ok ? "" : ` FAILED (HTTP ${organizationsXlsx.status})`}`,
    );
  if (dumped)
    console.log(
      `Full download build: ${dumped.bytes} bytes in ${dumped.seconds} s, process RSS ${dumped.rssStartMb} MB at start, ${dumped.peakRssMb} MB peak${dumped.ok ? "" : " FAILED"}`,
    );
  console.log(
    `Load average (1 min) ${round(loadBefore[0] ?? 0, 2)} before the runs, ${round(loadAfter[0] ?? 0, 2)} after, on ${cpus().length} cores.`,
  );
  if (exportedXlsx) checks.push(memoryCheck("joint-venture XLSX export", exportedXlsx));
  if (organizationsXlsx) checks.push(memoryCheck("organizations XLSX export, 100,000 rows", organizationsXlsx));
  if (dumped)
    checks.push({
      target: `full download build peak RSS < ${TARGETS.exportRssMb} MB`,
      value: dumped.peakRssMb,
      met: dumped.ok && dumped.peakRssMb < TARGETS.exportRssMb,
    });
  printChecks(checks);

  const results = {
    runs,
    searchRatioToBaseline,
    exportSeconds: exported?.seconds ?? null,
    exportPeakRssMb: exported?.peakRssMb ?? null,
    export: exported ?? null,
    xlsxExport: exportedXlsx ?? null,
    organizationsXlsxExport: organizationsXlsx ?? null,
    dumpBuild: dumped ?? null,
    signInLoad: signInLoad ?? null,
    checks,
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      memoryGb: round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadAfter,
    },
    settings: {
      ...settings,
      searchQueries: SEARCH_QUERIES,
      database: embedded ? "embedded" : "DATABASE_URL",
    },
    registry: {
      ...targets.counts,
      generated: GENERATED_COUNTS,
      organizationPage: { slug: targets.organizationSlug, discussionLinks: targets.organizationLinks },
    },
  };
  writeResults(resultsFile, results);
}

/** Prints the targets of `signin` alone and writes bench/sign-in-load.json. */
export function reportSignInOnly(result: SignInLoadResult, loadBefore: number[], loadAfter: number[], settings: object) {
  printSignInLoad(result);
  const checks = signInLoadChecks(result);
  console.log(
    `Load average (1 min) ${round(loadBefore[0] ?? 0, 2)} before, ${round(loadAfter[0] ?? 0, 2)} after, on ${cpus().length} cores.`,
  );
  printChecks(checks);
  const results = {
    signInLoad: result,
    checks,
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      node: process.version,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadAfter,
    },
    settings,
  };
  writeResults(signInResultsFile, results);
}
