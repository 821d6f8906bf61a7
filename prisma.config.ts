import { defineConfig } from "prisma/config";

// DATABASE_URL is set by scripts/start.ts and scripts/test.ts (embedded PostgreSQL) or by the environment.
// `prisma generate` needs no database, so a missing URL is only an error for commands that connect.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "",
  },
});
