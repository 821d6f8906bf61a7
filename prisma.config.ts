import type { PrismaConfig } from "prisma/config";

// DATABASE_URL is set by scripts/start.ts and scripts/test.ts (embedded PostgreSQL) or by the environment.
// `prisma generate` needs no database, so a missing URL is only an error for commands that connect.
// A plain object (the CLI validates it as defineConfig would), so that the file imports nothing at run time: the image
// runs it with a Prisma CLI installed apart from the app (Dockerfile), where "prisma/config" cannot be resolved.
export default {
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "",
  },
} satisfies PrismaConfig;
