/**
 * The CSV export's timing in `npm run bench`: the whole export of joint ventures downloaded while the app's
 * server (with its child processes) has its resident memory sampled.
 */
import { readdirSync, readFileSync } from "node:fs";
import { paths } from "../../lib/paths.ts";
import { SMALL_EXPORT } from "./app.ts";
import { round } from "./measure.ts";

/** The resident memory (bytes) and number of a process and all its descendants (Linux /proc). */
export function treeMemory(pid: number): { rss: number; processes: number } {
  let rss = 0;
  let processes = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    rss += kb ? Number(kb) * 1024 : 0;
    processes += 1;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      for (const child of children ? children.split(/\s+/) : []) {
        const sub = treeMemory(Number(child));
        rss += sub.rss;
        processes += sub.processes;
      }
    }
  } catch {
    // The process ended between two reads.
  }
  return { rss, processes };
}

/** Downloads a CSV export and counts its rows (lines after the header). */
async function downloadCsv(url: string) {
  let bytes = 0;
  let newlines = 0;
  const response = await fetch(url, { headers: { "accept-encoding": "identity" } });
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) newlines++;
  }
  return { status: response.status, bytes, rows: response.status === 200 ? Math.max(0, newlines - 1) : 0 };
}

/**
 * Times the whole CSV export of joint ventures, sampling the server's memory (the `next start` process and its
 * children) every 50 ms. Run on a server that has served nothing else but one small export, so that the peak
 * is the export's and not what earlier runs left in the heap.
 */
export async function measureExport(origin: string, serverPid: number) {
  const path = paths.api.jointVenturesExport("csv");
  // Loads the route's code once, so that the timing is of the export and not of the first request.
  await downloadCsv(origin + SMALL_EXPORT);
  const before = treeMemory(serverPid);
  let peak = before.rss;
  let processes = before.processes;
  const sampler = setInterval(() => {
    const now = treeMemory(serverPid);
    peak = Math.max(peak, now.rss);
    processes = Math.max(processes, now.processes);
  }, 50);
  const started = performance.now();
  let download: Awaited<ReturnType<typeof downloadCsv>>;
  try {
    download = await downloadCsv(origin + path);
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, treeMemory(serverPid).rss);
  return {
    path,
    status: download.status,
    seconds: round(seconds, 2),
    rows: download.rows,
    bytes: download.bytes,
    peakRssMb: round(peak / 2 ** 20),
    rssBeforeMb: round(before.rss / 2 ** 20),
    rssGrowthMb: round((peak - before.rss) / 2 ** 20),
    serverProcesses: processes,
    secondsPer100kRows: download.rows > 0 ? round((seconds * 100_000) / download.rows, 2) : null,
    ok: download.status === 200 && download.rows > 0,
  };
}

export type ExportResult = Awaited<ReturnType<typeof measureExport>>;
