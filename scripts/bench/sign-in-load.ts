/**
 * The sign-in load check (issue 7, finding 3): readers load a public page while a burst of wrong sign-ins goes
 * through next-auth's real endpoint (GET /api/auth/csrf, then POST /api/auth/callback/credentials with the
 * CSRF cookie). Each attempt uses a new email and a new X-Forwarded-For, as an attacker can against an app
 * without a trusted proxy: no attempt is refused by the throttle, so every one that is not refused as busy
 * costs an argon2 hash, the worst case for the pages. The page's p95 under the burst should stay within 2x
 * of its p95 alone, with no 5xx anywhere.
 */
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";

export type SignInLoadOptions = {
  /** The public page the readers load. */
  pagePath: string;
  seconds: number;
  /** Parallel sign-in clients, each sending its next attempt as soon as the last is answered. */
  signInClients: number;
  /** Reader connections and their total request rate: readers, not a flood that saturates the server alone. */
  pageConnections: number;
  pageRate: number;
};

type PageRun = { p50Ms: number; p95Ms: number; requests: number; statusCodes: Record<string, number>; errors: number; timeouts: number };

export type SignInLoadResult = {
  pagePath: string;
  idle: PageRun;
  underBurst: PageRun;
  p95Ratio: number | null;
  signIns: {
    attempts: number;
    perSecond: number;
    p50Ms: number;
    p95Ms: number;
    /** What each attempt came to: `wrong` (401, password checked), `throttled`, `busy` (refused before any hashing), or the HTTP status. */
    outcomes: Record<string, number>;
    statusCodes: Record<string, number>;
    errors: number;
  };
  serverErrors: number;
  ok: boolean;
};

export const SIGN_IN_TARGETS = { p95Ratio: 2, serverErrors: 0 };

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

function countServerErrors(statusCodes: Record<string, number>) {
  return Object.entries(statusCodes).reduce((sum, [code, count]) => (code.startsWith("5") ? sum + count : sum), 0);
}

function loadPage(origin: string, options: SignInLoadOptions, seconds: number): Promise<PageRun> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  return new Promise((done, fail) => {
    const instance = autocannon(
      {
        url: origin + options.pagePath,
        connections: options.pageConnections,
        overallRate: options.pageRate,
        duration: seconds,
        timeout: 30,
      },
      (error, result) => {
        if (error) return fail(error);
        latencies.sort((a, b) => a - b);
        done({
          p50Ms: round(percentile(latencies, 50)),
          p95Ms: round(percentile(latencies, 95)),
          requests: latencies.length,
          statusCodes,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    // autocannon emits (client, statusCode, resBytes, responseTime) although its types omit the client.
    (instance as NodeJS.EventEmitter).on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      statusCodes[status] = (statusCodes[status] ?? 0) + 1;
    });
  });
}

/** A documentation address (RFC 5737) no other attempt used. */
const randomAddress = () => `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

/** One wrong sign-in through next-auth's endpoint, as its own client would send it. */
async function attemptWrongSignIn(origin: string) {
  const address = randomAddress();
  const csrf = await fetch(`${origin}/api/auth/csrf`, { headers: { "x-forwarded-for": address }, signal: AbortSignal.timeout(30_000) });
  if (!csrf.ok) return { status: csrf.status, outcome: `csrf ${csrf.status}` };
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": address },
    body: new URLSearchParams({
      csrfToken,
      email: `bench.${randomBytes(6).toString("hex")}@interregio.example`,
      password: randomBytes(9).toString("base64url"),
      callbackUrl: "/workspace",
      json: "true",
    }),
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let error: string | null = null;
  try {
    const url = (JSON.parse(text) as { url?: string }).url;
    error = url ? new URL(url).searchParams.get("error") : null;
  } catch {
    // Not JSON: counted by its status below.
  }
  const outcome =
    error === "CredentialsSignin"
      ? "wrong"
      : error?.startsWith("throttled:")
        ? "throttled"
        : error?.startsWith("busy:")
          ? "busy"
          : `HTTP ${response.status}`;
  return { status: response.status, outcome };
}

async function burstSignIns(origin: string, options: SignInLoadOptions) {
  const deadline = Date.now() + options.seconds * 1000;
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  await Promise.all(
    Array.from({ length: options.signInClients }, async () => {
      while (Date.now() < deadline) {
        const started = performance.now();
        try {
          const { status, outcome } = await attemptWrongSignIn(origin);
          statusCodes[status] = (statusCodes[status] ?? 0) + 1;
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    attempts: latencies.length,
    perSecond: round(latencies.length / options.seconds),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    outcomes,
    statusCodes,
    errors,
  };
}

/** Warms the page, reads it alone, then reads it again during the burst of wrong sign-ins. */
export async function measureSignInLoad(origin: string, options: SignInLoadOptions): Promise<SignInLoadResult> {
  // The first requests compile nothing in production, but they fill the read cache and open the pool's connections.
  await loadPage(origin, options, 2);
  await attemptWrongSignIn(origin);
  const idle = await loadPage(origin, options, options.seconds);
  const [underBurst, signIns] = await Promise.all([loadPage(origin, options, options.seconds), burstSignIns(origin, options)]);
  const serverErrors =
    countServerErrors(idle.statusCodes) + countServerErrors(underBurst.statusCodes) + countServerErrors(signIns.statusCodes);
  const p95Ratio = idle.p95Ms > 0 ? round(underBurst.p95Ms / idle.p95Ms, 2) : null;
  return {
    pagePath: options.pagePath,
    idle,
    underBurst,
    p95Ratio,
    signIns,
    serverErrors,
    ok:
      serverErrors <= SIGN_IN_TARGETS.serverErrors &&
      p95Ratio !== null &&
      p95Ratio <= SIGN_IN_TARGETS.p95Ratio &&
      idle.errors + underBurst.errors + signIns.errors === 0,
  };
}

export function printSignInLoad(result: SignInLoadResult) {
  const { idle, underBurst, signIns } = result;
  console.log(`\nSign-in burst against ${result.pagePath}:`);
  console.log(
    `  page alone:        p50 ${idle.p50Ms} ms, p95 ${idle.p95Ms} ms, ${idle.requests} requests, statuses ${JSON.stringify(idle.statusCodes)}`,
  );
  console.log(
    `  page under burst:  p50 ${underBurst.p50Ms} ms, p95 ${underBurst.p95Ms} ms, ${underBurst.requests} requests, statuses ${JSON.stringify(underBurst.statusCodes)}`,
  );
  console.log(
    `  sign-ins:          ${signIns.attempts} attempts (${signIns.perSecond}/s), p50 ${signIns.p50Ms} ms, p95 ${signIns.p95Ms} ms, ` +
      `outcomes ${JSON.stringify(signIns.outcomes)}, statuses ${JSON.stringify(signIns.statusCodes)}, ${signIns.errors} errors`,
  );
  console.log(
    `  page p95 under burst / alone: ${result.p95Ratio ?? "n/a"} (target <= ${SIGN_IN_TARGETS.p95Ratio}); 5xx: ${result.serverErrors} (target 0)`,
  );
}
