# syntax=docker/dockerfile:1
# Cto's images: one build stage, then one small image per app, each only its build and its production
# dependencies, run as the unprivileged `node` user with plain node (no TypeScript at run time).
#
#   docker build --target api    -t cto-api .
#   docker build --target worker -t cto-worker .
#   docker build --target web    -t cto-web .
#
# Each app's folder is made by tooling/deploy/deploy.mjs (turbo build, then `pnpm deploy --prod` with
# the workspace's packages resolved to their builds), the script the production smoke test runs
# (tooling/deploy/test/production.test.ts), with the same CMD. Migrations: the API image's
# `npm run db:deploy` (see docker-compose.yml, profile `app`).
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
ENV CI=true COREPACK_ENABLE_DOWNLOAD_PROMPT=0
RUN corepack enable
WORKDIR /src
# Packages from the lockfile alone, so a source change does not download them again.
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile

FROM build AS api-deploy
RUN node tooling/deploy/deploy.mjs api /deploy/api

FROM build AS worker-deploy
RUN node tooling/deploy/deploy.mjs worker /deploy/worker

FROM build AS web-deploy
RUN node tooling/deploy/deploy.mjs web /deploy/web

# The code belongs to root and is read-only to the app; only /data (uploads, OCR cache) is the app's.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production CTO_DATA_DIR=/data
RUN mkdir /data && chown node:node /data
WORKDIR /app

FROM runtime AS api
COPY --from=api-deploy /deploy/api ./
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
USER node
CMD ["node","--max-semi-space-size=8","--heap-growing-percent=25","dist/index.js"]

FROM runtime AS worker
COPY --from=worker-deploy /deploy/worker ./
ENV WORKER_HEALTH_HOST=0.0.0.0 WORKER_HEALTH_PORT=3001
EXPOSE 3001
USER node
CMD ["node","dist/index.js"]

FROM runtime AS web
COPY --from=web-deploy /deploy/web ./
ENV WEB_HOST=0.0.0.0 WEB_PORT=8080
EXPOSE 8080
USER node
CMD ["node","dist/server/main.js"]
