import { createMiddleware } from "hono/factory";
import { cors } from "hono/cors";

import type { AppEnv } from "../context.ts";

type TCorsOptions = { origin: string; allowHeaders: string[]; exposeHeaders: string[] };

/**
 * CORS for the web app's one origin, with credentials. Preflights are hono/cors's. On every other
 * request the headers are added to the finished response's own headers: hono/cors reads `c.res`
 * before the handler runs, which makes Hono rebuild each handler's response as a streamed body
 * (a web ReadableStream per request, written through the slow path) instead of writing its text at
 * once; that cost a tenth of the API's time per request in `bench:api`'s profile.
 */
export const corsForOrigin = ({ origin, allowHeaders, exposeHeaders }: TCorsOptions) => {
  const preflight = cors({ origin, credentials: true, allowHeaders, exposeHeaders });
  const exposed = exposeHeaders.join(",");
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === "OPTIONS") return preflight(c, next);
    await next();
    const headers = c.res.headers;
    if (c.req.header("origin") === origin) headers.set("Access-Control-Allow-Origin", origin);
    headers.set("Access-Control-Allow-Credentials", "true");
    headers.set("Access-Control-Expose-Headers", exposed);
    headers.append("Vary", "Origin");
  });
};
