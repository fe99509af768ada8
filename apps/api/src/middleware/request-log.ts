import { createMiddleware } from "hono/factory";

import type { TLogger } from "@cto/log/logger";

import type { AppEnv } from "../context.ts";

/** Probes poll these; their lines would drown the rest, so they log at debug. */
const QUIET_PATHS = new Set(["/health", "/ready"]);

/**
 * One line per request, after the response: method, path (never the query string, which can carry
 * tokens), status, time in ms, request id and the signed-in user's id. Every line logged during the
 * request through `c.get("logger")` carries the same request id. 5xx log as errors, probes at debug.
 * Pino itself, one child per request (hono-pino made two children a request and merged each line's
 * fields deeply).
 */
export const requestLog = (logger: TLogger) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const { method, path } = c.req;
    // The request id is hono's requestId middleware's, bound from the start so every line of the request has it.
    const requestLogger = logger.child({ reqId: c.get("requestId"), req: { method, path } });
    c.set("logger", requestLogger);
    await next();
    const { status } = c.res;
    const level = status >= 500 ? "error" : QUIET_PATHS.has(path) ? "debug" : "info";
    // `c.get`, not `c.var`: each read of `c.var` copies every variable of the request into a new object.
    const auth = c.get("auth");
    requestLogger[level](
      {
        responseTime: Math.round(performance.now() - started),
        res: { status },
        ...(auth ? { userId: auth.userId } : {}),
      },
      `${method} ${path} ${status}`,
    );
  });
