import { Hono } from "hono";

import type { AppEnv } from "../context.ts";
import type { OutboxMailer } from "../services/mailer.ts";

/** Development only: the emails the outbox mailer "sent", newest first (reset and verification links). */
export const devRoutes = (mailer: OutboxMailer) =>
  new Hono<AppEnv>().get("/outbox", async (c) => c.json({ items: await mailer.list() }));
