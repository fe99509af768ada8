import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono, type Context } from "hono";
import { compress } from "hono/compress";
import { etag } from "hono/etag";
import { proxy } from "hono/proxy";
import { secureHeaders } from "hono/secure-headers";

import type { TLogger } from "@cto/log/logger";

import { CONTENT_SECURITY_POLICY } from "./content-security-policy.ts";

export type TWebServerOptions = {
  /** The built SPA (`vite build`'s output): index.html, assets/ and the public files. */
  root: string;
  /** Where the API listens, as this server reaches it (`http://api:3000`). */
  apiOrigin: string;
  log: TLogger;
};

// Vite names every bundled file under assets/ after its content, so a name is never reused for other
// bytes: browsers and CDNs may keep them for a year. Everything else (index.html, the public files)
// is asked for again each time, so a deployment is seen at the next page load.
const HASHED = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";

/**
 * The web app in production: the built SPA as static files with the caching above, index.html for
 * any other page path (the router's), and the API on the same origin under /api, as the Vite dev
 * server does (api-proxy.ts): session cookies stay first-party and no CORS is needed.
 */
export const createWebServer = ({ root, apiOrigin, log }: TWebServerOptions) => {
  const app = new Hono();
  const api = new URL(apiOrigin);

  const forward = async (c: Context, pathname: string) => {
    const target = new URL(pathname + new URL(c.req.url).search, api);
    const headers = new Headers(c.req.raw.headers);
    const peer = getConnInfo(c).remote.address;
    const forwardedFor = headers.get("x-forwarded-for");
    if (peer) headers.set("x-forwarded-for", forwardedFor ? `${forwardedFor}, ${peer}` : peer);
    headers.set("x-forwarded-host", headers.get("x-forwarded-host") ?? c.req.header("host") ?? "");
    headers.set("x-forwarded-proto", headers.get("x-forwarded-proto") ?? new URL(c.req.url).protocol.slice(0, -1));
    headers.delete("host");
    try {
      // Redirects are the browser's to follow (Bull Board answers /admin/queues with one).
      return await proxy(target, { raw: c.req.raw, headers, redirect: "manual" });
    } catch (error) {
      // An API restarting or scaling is an expected moment, not a bug: a warning with why, no stack.
      const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      log.warn({ path: target.pathname, reason }, `the API at ${api.origin} did not answer (${reason}): 502`);
      return c.json(
        { error: { code: "api_unavailable", message: "The API is not reachable; try again shortly." } },
        502,
      );
    }
  };

  // As api-proxy.ts: /api/* without its prefix, and Bull Board's own paths as they are.
  app.all("/api", (c) => forward(c, "/"));
  app.all("/api/*", (c) => forward(c, c.req.path.slice("/api".length)));
  app.all("/admin/queues", (c) => forward(c, c.req.path));
  app.all("/admin/queues/*", (c) => forward(c, c.req.path));

  // Weak ETags below: compression changes the bytes, not what they mean.
  app.use(
    "*",
    secureHeaders({ crossOriginEmbedderPolicy: false }),
    (c, next) => {
      c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      return next();
    },
    compress(),
  );
  const cache = (value: string) => (_file: string, c: Context) => void c.header("Cache-Control", value);
  app.get("/assets/*", serveStatic({ root, onFound: cache(HASHED) }));
  // A missing asset is a 404, never the SPA's page: a stale tab asking for last release's chunk must fail
  // as a missing script, not parse HTML as JavaScript.
  app.get("/assets/*", (c) => c.text("Not found", 404));
  app.get("*", etag({ weak: true }), serveStatic({ root, onFound: cache(REVALIDATE) }));
  // Anything else with a file extension was a file that is not there.
  app.get("*", (c, next) => (/\.[a-z0-9]+$/i.test(c.req.path) ? c.text("Not found", 404) : next()));
  // The SPA's routes (/goals/…, /settings): its index.html, whose router reads the path.
  app.get("*", etag({ weak: true }), serveStatic({ root, path: "index.html", onFound: cache(REVALIDATE) }));
  app.all("*", (c) => c.text("Not found", 404));
  app.onError((error, c) => {
    log.error({ err: error, path: c.req.path }, "request failed");
    return c.text("Internal server error", 500);
  });
  return app;
};
