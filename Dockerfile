# syntax=docker/dockerfile:1
# rendicion-bot: the bot for Slack and Discord with its SQLite database on a volume at /data.
# How to run it, back it up and restore it: docs/deploy.md. The steps below are checked without
# Docker by scripts/check-docker-build.sh.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: production dependencies only, with better-sqlite3's native addon.
FROM ${NODE_IMAGE} AS build
# better-sqlite3 downloads a prebuilt addon when one matches this Node and platform; otherwise it
# compiles SQLite from source (about two minutes), which needs python3, make and g++.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install` with the lockfile rather than `npm ci`: package-lock.json lacks the entries of some
# other platforms' optional binaries of two dev tools (biome, rollup), so `npm ci` stops with
# "Missing: ... from lock file" before installing anything (see .ci/run). `npm install` installs the
# locked versions all the same; --omit=dev leaves out TypeScript, vitest, biome and drizzle-kit.
RUN npm install --omit=dev --no-audit --no-fund \
  && npm cache clean --force
# The bot runs compiled: esbuild (a production dependency) writes dist/, with the Spanish dictionary
# packed as a word list (scripts/build.mjs), made in node_modules/.cache, which the image leaves out.
COPY scripts/build.mjs ./scripts/
COPY bot ./bot
COPY commands ./commands
COPY db ./db
COPY integrations ./integrations
RUN node scripts/build.mjs && rm -rf node_modules/.cache

# --- runtime: Node, the production node_modules and the compiled bot; the TypeScript source stays
# for the npm scripts (backup, roster, politica, slack:manifest), which tsx runs.
FROM ${NODE_IMAGE}
# resvg draws the summary chart with the system's "DejaVu Sans"; the slim image has no fonts.
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
  DATABASE_PATH=/data/rendicion.db \
  PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# What the npm scripts (backup, roster, politica, slack:manifest) read: package.json ("type":
# "module", the scripts), the source, db/migrations, db/demo (the demo roster), the Slack manifests
# and the examples.
COPY package.json tsconfig.json ./
COPY bot ./bot
COPY commands ./commands
COPY db ./db
COPY integrations ./integrations
COPY slack ./slack
COPY examples ./examples
# The code stays owned by root and read-only for the bot; it writes only the database (/data) and,
# in console mode, its exports (/app/exports).
RUN mkdir -p /data /app/exports && chown node:node /data /app/exports
USER node
VOLUME /data
# Slack's requests in HTTP mode and GET /healthz (Slack in both modes, or Discord alone).
EXPOSE 3000
# /healthz exists only when the bot is connected to a chat platform (Slack or Discord): without chat
# credentials the bot runs the console mode, which has no HTTP port, so the check fails.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself, as `npm start` runs it after building (package.json), not npm (which would add a
# process between the signal and the bot, and rebuild): SIGTERM reaches the bot's own handler, which
# finishes the work in progress and closes the database. compose.yaml adds `init: true`; with
# `docker run`, add --init. The V8 options keep the heap small (docs/benchmarks.md, memory).
CMD ["node", "--max-semi-space-size=4", "--heap-growing-percent=20", "dist/bot/main.js"]
