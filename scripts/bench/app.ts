/**
 * The servers of `npm run bench`: the app (scripts/serve.ts, built first when the sources changed) and the bare
 * node:http baseline (scripts/bench/baseline.ts), each on a free port, and their stopping.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { paths } from "../../lib/paths.ts";
import { buildIsStale, findFreePort, projectRoot, run } from "../database.ts";

/** An export of a handful of rows: it loads the export route before the timed one. */
export const SMALL_EXPORT = paths.api.jointVenturesExport("csv", { status: "planned", sector: "99" });

/** Every server this run started, stopped on the way out whatever happens. */
export const children: ChildProcess[] = [];

export async function waitForHttp(url: string, child: ChildProcess, seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 300));
    }
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

export function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      done();
    });
    child.kill("SIGTERM");
  });
}

type App = { server: ChildProcess; origin: string };

/** The app's server (scripts/serve.ts) on a free port, answering once its export route does (an API route: no page rendered yet). */
export async function startApp(url: string, extraEnvironment: Record<string, string> = {}): Promise<App> {
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  const server = spawn(join(projectRoot, "node_modules", ".bin", "tsx"), [join(projectRoot, "scripts", "serve.ts")], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...appEnvironment(url, origin), HOST: "127.0.0.1", ...extraEnvironment },
  });
  const keepLog = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
  };
  server.stdout?.on("data", keepLog);
  server.stderr?.on("data", keepLog);
  children.push(server);
  try {
    await waitForHttp(origin + SMALL_EXPORT, server, 120);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : error}\n${log.join("").slice(-3000)}`);
  }
  return { server, origin };
}

/**
 * The bare node:http server of the baseline (scripts/bench/baseline.ts) on a free port, started but not yet
 * waited for: the caller waits once the app answers.
 */
export async function startBaseline(url: string): Promise<App> {
  const baselinePort = await findFreePort();
  const baselineOrigin = `http://127.0.0.1:${baselinePort}`;
  const bare = spawn(join(projectRoot, "node_modules", ".bin", "tsx"), [join(projectRoot, "scripts", "bench", "baseline.ts")], {
    cwd: projectRoot,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DATABASE_URL: url, BASELINE_PORT: String(baselinePort), NODE_ENV: "production" as const },
  });
  children.push(bare);
  return { server: bare, origin: baselineOrigin };
}

const secret = randomBytes(32).toString("base64");
export function appEnvironment(url: string, origin: string) {
  return {
    DATABASE_URL: url,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: origin,
    PORT: new URL(origin).port,
    NODE_ENV: "production" as const,
    // As `npm start` serves it (scripts/start.ts).
    UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? "8",
    // As shipped, trusting no forwarded header: the sign-in check's clients differ by their loopback address.
    TRUSTED_PROXY: "",
  };
}

/** Builds the app when the sources changed since the last build (as both the full run and `signin` do). */
export async function buildIfStale(url: string) {
  if (buildIsStale()) {
    console.log("Building the app (the sources changed since the last build)...");
    await run("next", ["build"], appEnvironment(url, "http://127.0.0.1:3000"));
  }
}
