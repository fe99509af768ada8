// The built web app's production server: `node dist/server/main.js` (see app.ts).
import type { AddressInfo } from "node:net";
import path from "node:path";

import { serve } from "@hono/node-server";

import { createLogger } from "@cto/log/logger";

import { createWebServer } from "./app.ts";
import { loadEnv } from "./env.ts";

const log = createLogger({ name: "web" });
let env: ReturnType<typeof loadEnv>;
try {
  env = loadEnv();
} catch (error) {
  log.fatal(error);
  process.exit(1);
}
log.level = env.LOG_LEVEL;

// The build puts this file in dist/server/ and the SPA in dist/client/.
const root = path.join(import.meta.dirname, "..", "client");
const app = createWebServer({ root, apiOrigin: env.CTO_API_ORIGIN, log });
const server = serve({ fetch: app.fetch, port: env.WEB_PORT, hostname: env.WEB_HOST }, (info: AddressInfo) => {
  log.info(
    { url: `http://${env.WEB_HOST}:${info.port}`, api: env.CTO_API_ORIGIN },
    `listening on http://${env.WEB_HOST}:${info.port}`,
  );
});

// Requests in flight finish (a proxied API call included); idle keep-alive connections are closed so
// they do not hold the stop up. A second signal exits at once.
let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) process.exit(1);
  stopping = true;
  log.info({ signal }, "stopping: finishing requests in flight");
  server.close(() => {
    log.info({ signal }, "stopped");
    process.exit(0);
  });
  (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
};
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
