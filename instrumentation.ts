/** Checks the configuration once when the server starts (see lib/env.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  (await import("@/lib/env")).exitOnBadEnv();
}
