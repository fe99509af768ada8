import { serve } from "@hono/node-server";

import { createDb } from "@cto/db/client";

import { createApp } from "./app.ts";
import { DEFAULT_CONFIG } from "./context.ts";
import { loadEnv } from "./env.ts";

const env = loadEnv();
const db = createDb({ url: env.DATABASE_URL });
const config = { ...DEFAULT_CONFIG, webOrigin: env.WEB_ORIGIN, secureCookies: env.NODE_ENV === "production" };
const server = serve({ fetch: createApp({ db, config, devRoutes: env.NODE_ENV !== "production" }).fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  console.log(`api: listening on http://${env.HOST}:${info.port}`);
});

const shutdown = () => {
  server.close(async () => {
    await db.$disconnect();
    process.exit(0);
  });
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
