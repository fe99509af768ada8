import type { MiddlewareHandler } from "hono";
import { pinoLogger } from "hono-pino";

import type { TLogger } from "@cto/log/logger";

import type { AppEnv } from "../context.ts";

/** Probes poll these; their lines would drown the rest, so they log at debug. */
const QUIET_PATHS = new Set(["/health", "/ready"]);

/**
 * One line per request, after the response: method, path (never the query string, which can carry
 * tokens), status, time, request id and the signed-in user's id. Every line logged during the request
 * through `c.get("logger")` carries the same request id. 5xx log as errors, probes at debug.
 */
export const requestLog = (logger: TLogger): MiddlewareHandler<AppEnv> =>
  pinoLogger({
    pino: logger,
    http: {
      // The request id (hono's requestId middleware) is bound from the start, so every line of the
      // request carries it, not only the last one; hono-pino's own id is turned off.
      reqId: false,
      referRequestIdKey: "__none",
      onReqBindings: (c) => ({ reqId: c.var.requestId, req: { method: c.req.method, path: c.req.path } }),
      onResBindings: (c) => ({ res: { status: c.res.status }, ...(c.var.auth ? { userId: c.var.auth.userId } : {}) }),
      onResLevel: (c) => (c.res.status >= 500 ? "error" : QUIET_PATHS.has(c.req.path) ? "debug" : "info"),
      onResMessage: (c) => `${c.req.method} ${c.req.path} ${c.res.status}`,
    },
  }) as unknown as MiddlewareHandler<AppEnv>;
