import { z } from "zod";

const postgresUrl = /^postgres(ql)?:\/\/[^/]+\/[^/?]+/;

/** Which of the comma-separated replica URLs an issue is about, counted from 1. */
const replicaNumber = (path: readonly PropertyKey[] | undefined) => Number(path?.at(-1) ?? 0) + 1;

/** At most this many replicas: each adds two pools of DATABASE_POOL_SIZE connections to every process. */
export const MAX_REPLICAS = 8;

/** The configuration the server reads from its environment. The README lists each variable. */
export const EnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: give the PostgreSQL URL, postgresql://user:password@host:5432/db" })
    .regex(postgresUrl, { error: "DATABASE_URL must look like postgresql://user:password@host:5432/database" }),
  // Unset or empty: no replica, every read on DATABASE_URL. Split on commas (one inside a password is %2C).
  DATABASE_REPLICA_URLS: z.preprocess(
    (value) =>
      typeof value === "string"
        ? value
            .split(",")
            .map((url) => url.trim())
            .filter(Boolean)
        : value,
    z
      .array(
        z
          .string()
          .max(2000, { error: (issue) => `DATABASE_REPLICA_URLS: URL ${replicaNumber(issue.path)} is longer than 2000 characters` })
          // The URL itself is not repeated: it may hold a password, and this message is logged.
          .regex(postgresUrl, {
            error: (issue) =>
              `DATABASE_REPLICA_URLS: URL ${replicaNumber(issue.path)} must look like postgresql://user:password@host:5432/database`,
          }),
      )
      .max(MAX_REPLICAS, { error: `DATABASE_REPLICA_URLS names too many replicas: at most ${MAX_REPLICAS}` })
      .default([]),
  ),
  NEXTAUTH_SECRET: z
    .string({ error: "NEXTAUTH_SECRET is not set: give a random string of 32 characters or more" })
    .min(32, { error: "NEXTAUTH_SECRET is too short: use 32 characters or more (openssl rand -base64 32)" }),
  NEXTAUTH_URL: z.url({ error: "NEXTAUTH_URL must be the public address of the app, such as https://interregio.example" }).optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: "DATABASE_POOL_SIZE must be a whole number" })
    .int({ error: "DATABASE_POOL_SIZE must be a whole number" })
    .min(1, { error: "DATABASE_POOL_SIZE must be between 1 and 100" })
    .max(100, { error: "DATABASE_POOL_SIZE must be between 1 and 100" })
    .default(10),
  JOB_WORKER: z.enum(["on", "off"], { error: "JOB_WORKER must be on or off" }).default("on"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  // The licence under which the registry's data may be reused, stated in every page's footer and on /open-data.
  DATA_LICENCE: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.string().trim().max(200, { error: "DATA_LICENCE is too long: name the licence in at most 200 characters" }).default("CC BY 4.0"),
  ),
  // Unset or empty: no /metrics at all. A short token could be guessed; the scraper sends it as a Bearer token.
  METRICS_TOKEN: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .min(32, { error: "METRICS_TOKEN is too short: use 32 characters or more (openssl rand -hex 32)" })
      .max(512, { error: "METRICS_TOKEN is too long: use at most 512 characters" })
      .optional(),
  ),
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment; on failure the error lists one line for each bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.message}`);
  throw new Error(`Interregio cannot start: its configuration has ${lines.length} problem(s).\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The parsed environment, read once per process. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/**
 * For the server's start (instrumentation.ts): a missing secret or database address stops it with the list of
 * problems rather than serve errors, or sign sessions with a guessable key. `npm start` (scripts/start.ts) makes
 * the secret for the embedded demo before it starts the server, so only a deployment can lack one.
 */
export function assertConfigured(source: Record<string, string | undefined> = process.env): Env {
  return parseEnv(source);
}
