/** Checks the configuration once when the server starts, and stops it with a clear message if it is wrong. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseEnv } = await import("@/lib/env");
  try {
    parseEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1); // a wrong configuration must not serve pages
  }
}
