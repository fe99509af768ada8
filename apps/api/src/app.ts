import { Hono } from "hono";

import type { Db } from "@cto/db/client";

import { healthRoutes } from "./routes/health.ts";

export type AppEnv = { Variables: { db: Db } };

export const createApp = ({ db }: { db: Db }) => {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("db", db);
    await next();
  });
  app.route("/", healthRoutes);
  app.get("/", (c) => c.json({ name: "Cto API", health: "/health", ready: "/ready" }));
  return app;
};
