/**
 * The exports' timing in `npm run bench`: the whole export of joint ventures, as CSV and as XLSX, and of the
 * 100,000 organizations as XLSX, downloaded while the app's server (with its child processes) has its resident
 * memory sampled; and one build of the full download (lib/dump) in a process of its own, sampled the same way.
 */
import { spawn } from "node:child_process";
import ExcelJS from "exceljs";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../database.ts";
import { paths } from "../../lib/paths.ts";
import { SMALL_EXPORT } from "./app.ts";
import { round } from "./measure.ts";

/** The resident memory (bytes) of a process and each of its descendants (Linux /proc), one entry a process. */
export function treeProcesses(pid: number): { pid: number; name: string; rss: number }[] {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    const own = { pid, name: /Name:\s+(\S+)/.exec(status)?.[1] ?? "?", rss: kb ? Number(kb) * 1024 : 0 };
    const children = readdirSync(`/proc/${pid}/task`).flatMap((task) => {
      const listed = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      return listed ? listed.split(/\s+/).map(Number) : [];
    });
    return [own, ...children.flatMap(treeProcesses)];
  } catch {
    // The process ended between two reads.
    return [];
  }
}

/** The resident memory (bytes) and number of a process and all its descendants. */
export function treeMemory(pid: number): { rss: number; processes: number } {
  const processes = treeProcesses(pid);
  return { rss: processes.reduce((sum, p) => sum + p.rss, 0), processes: processes.length };
}

/**
 * Downloads an export: its status, size, and a way to count its rows afterwards, outside the timing (a CSV's lines
 * after the header; an XLSX's rows of its first sheet after the header, read in this process, not the server's).
 */
async function downloadExport(url: string, format: "csv" | "xlsx" = "csv") {
  let bytes = 0;
  let newlines = 0;
  const chunks: Uint8Array[] = [];
  const response = await fetch(url, { headers: { "accept-encoding": "identity" } });
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (format === "xlsx") chunks.push(value);
    else for (let i = 0; i < value.length; i++) if (value[i] === 10) newlines++;
  }
  const countRows = async () => {
    if (response.status !== 200) return 0;
    if (format === "csv") return Math.max(0, newlines - 1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    return Math.max(0, (workbook.worksheets[0]?.rowCount ?? 1) - 1);
  };
  return { status: response.status, bytes, countRows };
}

/**
 * Times the whole export of joint ventures (CSV, or XLSX), sampling the server's memory (the `next start` process
 * and its children) every 50 ms. Run on a server that has served nothing else but one small export, so that the
 * peak is the export's and not what earlier runs left in the heap (the XLSX runs after the CSV: its peak is
 * measured against what the CSV left).
 */
export async function measureExport(
  origin: string,
  serverPid: number,
  format: "csv" | "xlsx" = "csv",
  path: string = paths.api.jointVenturesExport(format),
) {
  // Loads the route's code once, so that the timing is of the export and not of the first request.
  await downloadExport(origin + SMALL_EXPORT.replace("export.csv", `export.${format}`), format);
  const sampled = sampleMemory(serverPid);
  const before = sampled.before;
  const started = performance.now();
  let download: Awaited<ReturnType<typeof downloadExport>>;
  try {
    download = await downloadExport(origin + path, format);
  } finally {
    sampled.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const { peak, processes } = sampled;
  const rows = await download.countRows();
  return {
    path,
    status: download.status,
    seconds: round(seconds, 2),
    rows,
    bytes: download.bytes,
    peakRssMb: round(peak / 2 ** 20),
    rssBeforeMb: round(before.rss / 2 ** 20),
    rssGrowthMb: round((peak - before.rss) / 2 ** 20),
    serverProcesses: processes,
    secondsPer100kRows: rows > 0 ? round((seconds * 100_000) / rows, 2) : null,
    ok: download.status === 200 && rows > 0,
  };
}

export type ExportResult = Awaited<ReturnType<typeof measureExport>>;

/** Samples a process tree's resident memory every 50 ms until `stop`: its size before, and its peak. */
function sampleMemory(pid: number) {
  const before = treeMemory(pid);
  const state = {
    before,
    peak: before.rss,
    processes: before.processes,
    stop: () => {
      clearInterval(timer);
      state.peak = Math.max(state.peak, treeMemory(pid).rss);
    },
  };
  const timer = setInterval(() => {
    const now = treeMemory(pid);
    state.peak = Math.max(state.peak, now.rss);
    state.processes = Math.max(state.processes, now.processes);
  }, 50);
  return state;
}

/**
 * One build of the full download on `url` (scripts/bench/dump-build.ts in a process of its own, as the app's
 * job worker would run it), timed, with that process's peak resident memory: the target is under 200 MB.
 */
export async function measureDumpBuild(url: string) {
  // Node itself with tsx's loader (not the tsx launcher, which would add a process of its own to the figure).
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/server-modules.mjs", join(projectRoot, "scripts", "bench", "dump-build.ts")],
    { cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, DATABASE_URL: url } },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const sampled = sampleMemory(child.pid ?? 0);
  const started = performance.now();
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  sampled.stop();
  const wall = (performance.now() - started) / 1000;
  const line = output.trim().split("\n").at(-1) ?? "";
  const built = code === 0 ? (JSON.parse(line) as { seconds: number; sizeBytes: number; rssStartMb: number }) : null;
  return {
    ok: built !== null,
    seconds: round(built?.seconds ?? wall, 2),
    bytes: built?.sizeBytes ?? 0,
    rssStartMb: round(built?.rssStartMb ?? 0),
    peakRssMb: round(sampled.peak / 2 ** 20),
    processes: sampled.processes,
  };
}

export type DumpBuildResult = Awaited<ReturnType<typeof measureDumpBuild>>;
