/**
 * `npm start`: the registry with demo data on one command. Uses DATABASE_URL when set, else starts the
 * embedded PostgreSQL (data in .data/); applies the migrations, seeds, builds when the sources changed, serves.
 * Ctrl-C stops the app and then PostgreSQL cleanly. `npm run dev` does the same with `next dev`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "../lib/env.ts";
import { hashPassword } from "../lib/auth/password.ts";
import { createPrismaClient } from "../lib/db/prisma-client.ts";
import { seedDatabase } from "../prisma/seed.ts";
import { buildIsStale, ensureDatabaseExists, migrate, openDatabase, projectRoot, run, withDatabaseName } from "./database.ts";

const dev = process.argv.includes("--dev");
const dataDir = join(projectRoot, ".data");

/** A value kept in .data/ across runs, made by `create` on first use. */
function keptValue<T>(file: string, create: () => T): T {
  const path = join(dataDir, file);
  if (existsSync(path)) return JSON.parse(readFileSync(path, "utf8")) as T;
  mkdirSync(dataDir, { recursive: true });
  const value = create();
  writeFileSync(path, JSON.stringify(value), { mode: 0o600 });
  return value;
}

async function main() {
  const database = await openDatabase();
  let app: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((done) => app?.once("exit", done));
    }
    if (database.embedded) {
      console.log("Stopping the embedded PostgreSQL...");
      await database.stop();
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    const url = database.embedded ? withDatabaseName(database.url, "interregio") : database.url;
    if (database.embedded) await ensureDatabaseExists(url);
    const port = Number(process.env.PORT ?? 3000);
    const environment = {
      DATABASE_URL: url,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? keptValue("nextauth-secret.json", () => randomBytes(32).toString("base64")),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      PORT: String(port),
    };
    parseEnv({ ...process.env, ...environment });

    await migrate(url);
    const demoLogin = database.embedded
      ? keptValue("demo-staff.json", () => ({ email: "editor@interregio.example", password: randomBytes(9).toString("base64url") }))
      : undefined;
    const prisma = createPrismaClient(url, 2);
    try {
      await seedDatabase(prisma, {
        demoStaff: demoLogin && {
          email: demoLogin.email,
          name: "Demo Editor",
          passwordHash: await hashPassword(demoLogin.password),
        },
      });
    } finally {
      await prisma.$disconnect();
    }

    if (!dev && buildIsStale()) {
      console.log("Building the app (first start, or the sources changed)...");
      await run("next", ["build"], environment);
    }
    app = spawn(join(projectRoot, "node_modules", ".bin", "tsx"), [join(projectRoot, "scripts", "serve.ts"), ...(dev ? ["--dev"] : [])], {
      cwd: projectRoot,
      stdio: ["ignore", "inherit", "inherit"],
      // libuv's pool (4 threads unless set before first use, hence here) runs argon2, pg's SCRAM handshakes,
      // file reads and compression; lib/auth/password.ts keeps argon2 to half the cores, and 8 threads leave the rest room.
      env: { UV_THREADPOOL_SIZE: "8", ...process.env, ...environment, PORT: String(port) },
    });
    app.on("exit", (code) => void stop(code ?? 1));
    console.log(`\nInterregio is starting at http://localhost:${port}`);
    if (demoLogin) console.log(`Demo staff login: ${demoLogin.email} / ${demoLogin.password}  (embedded database only)`);
    console.log("Press Ctrl-C to stop.\n");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

void main();
