# syntax=docker/dockerfile:1
# Interregio's image: the standalone build (`npm run build`, scripts/build.ts) run by its entry
# (scripts/docker-entry.ts: checks the configuration, migrates, optionally loads the reference data, serves with
# one process per core). e2e/deploy.spec.ts runs that same entry against the same standalone build.
#
#   docker build --build-arg DEPLOYMENT_ID=$(git rev-parse --short HEAD) -t interregio .
#
# The environment it needs is listed in README.md ("Deploy"); compose.yaml runs it with PostgreSQL and Caddy.

ARG NODE_VERSION=24

# Debian (glibc), as the prebuilt native modules (argon2) expect; openssl lets Prisma's engine find its libssl.
FROM node:${NODE_VERSION}-bookworm-slim AS base
RUN apt-get update \
  && apt-get install -y --no-install-recommends openssl ca-certificates \
  && rm -rf /var/lib/apt/lists/*
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
WORKDIR /app

# Every dependency, development ones included (the build needs TypeScript, Tailwind, esbuild). Python and a compiler
# only for argon2, should its prebuilt binary not load on the build machine (it is then built from source).
FROM base AS deps
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma prisma/schema.prisma
# npm ci's postinstall generates the Prisma client from the schema.
RUN npm ci --no-audit --no-fund

FROM base AS build
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# A per-release id (a git hash, a version): clients of an older release reload rather than call what is gone.
ARG DEPLOYMENT_ID=""
RUN npx prisma generate && NEXT_DEPLOYMENT_ID="${DEPLOYMENT_ID}" npm run build

# The Prisma CLI for `prisma migrate deploy` at start, apart from the app (the standalone build holds only what the
# server loads), at the app's version, with its native schema engine fetched now rather than at run time.
FROM base AS prisma-cli
COPY package.json /tmp/app-package.json
WORKDIR /opt/prisma
RUN npm install --no-audit --no-fund --omit=dev "prisma@$(node -p 'require("/tmp/app-package.json").dependencies.prisma')" \
  && node_modules/.bin/prisma --version

FROM base AS runtime
# UV_THREADPOOL_SIZE: libuv's pool runs argon2, pg's SCRAM handshakes and compression (npm start sets it too).
# PATH: the entry runs `prisma migrate deploy` with the CLI of the stage above.
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=3000 \
  UV_THREADPOOL_SIZE=8 \
  PATH=/opt/prisma/node_modules/.bin:$PATH
COPY --from=prisma-cli /opt/prisma /opt/prisma
# Owned by the user that runs it: Next writes its cache under .next/ at run time.
COPY --from=build --chown=node:node /app/.next/standalone ./
USER node
EXPOSE 3000
# Liveness: the server answers /healthz itself (readiness, with the database and migrations, is /readyz).
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Docker's SIGTERM reaches the entry, which is the server's first process: each process finishes what it serves.
STOPSIGNAL SIGTERM
CMD ["node", "scripts/docker-entry.mjs"]
