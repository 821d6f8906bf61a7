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
  return parseWith(EnvSchema, source);
}

function parseWith<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.message}`);
  throw new Error(`Interregio cannot start: its configuration has ${lines.length} problem(s).\n${lines.join("\n")}`);
}

/** The AES key lengths Next accepts for the server actions' key, in bytes. */
const aesKeyBytes = [16, 24, 32];

/**
 * What a deployment (the image's entry, scripts/docker-entry.ts) must also be given, on top of the server's own
 * configuration: the public address, the server actions' key that every replica shares (Next encrypts what an
 * action's form carries with it; a key of each replica's own would refuse what another encrypted), and well-formed
 * values where a typo would otherwise be read silently as "unset".
 */
export const DeployEnvSchema = EnvSchema.extend({
  NEXTAUTH_URL: z.url({
    error: "NEXTAUTH_URL is not set: give the public address of the app, such as https://interregio.example",
  }),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string({ error: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set: give the same key to every replica (openssl rand -base64 32)" })
    .max(64, { error: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be base64 of 16, 24 or 32 bytes (openssl rand -base64 32)" })
    .refine((key) => /^[A-Za-z0-9+/]+={0,2}$/.test(key) && aesKeyBytes.includes(Buffer.from(key, "base64").length), {
      error: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be base64 of 16, 24 or 32 bytes (openssl rand -base64 32)",
    }),
  TRUSTED_PROXY: z
    .string()
    .regex(/^(10|[0-9])$/, { error: "TRUSTED_PROXY must be the number of reverse proxies in front of the app, 0 to 10" })
    .optional(),
  WEB_CONCURRENCY: z
    .string()
    .regex(/^([1-9]|[1-5][0-9]|6[0-4])$/, { error: "WEB_CONCURRENCY must be the number of server processes, 1 to 64" })
    .optional(),
  SEED_REFERENCE_DATA: z.enum(["on", "off"], { error: "SEED_REFERENCE_DATA must be on or off" }).default("off"),
});

export type DeployEnv = z.infer<typeof DeployEnvSchema>;

/** Parses a deployment's environment; on failure the error lists one line for each bad variable. */
export function parseDeployEnv(source: Record<string, string | undefined> = process.env): DeployEnv {
  return parseWith(DeployEnvSchema, source);
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
