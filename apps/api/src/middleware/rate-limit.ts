import { createMiddleware } from "hono/factory";

import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";

export type RateLimitOptions = { name: string; limit: number; windowMs: number; key: (c: Parameters<Parameters<typeof createMiddleware<AppEnv>>[0]>[0]) => string };

/**
 * Fixed-window limit per key, kept in this process (one API instance; a shared store is the step for
 * several). Past the limit: 429 rate_limited with Retry-After in seconds.
 */
export const rateLimit = ({ name, limit, windowMs, key }: RateLimitOptions) => {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return createMiddleware<AppEnv>(async (c, next) => {
    const now = Date.now();
    const id = `${name}:${key(c)}`;
    let window = windows.get(id);
    if (!window || window.resetAt <= now) {
      if (windows.size > 10_000) for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
      window = { count: 0, resetAt: now + windowMs };
      windows.set(id, window);
    }
    window.count += 1;
    if (window.count > limit) {
      c.header("Retry-After", String(Math.ceil((window.resetAt - now) / 1000)));
      throw new ApiError("rate_limited", "Too many requests; try again later.");
    }
    await next();
  });
};

type RequestLike = { req: { header: (name: string) => string | undefined }; env: unknown };

/** The first X-Forwarded-For hop (the client behind a proxy), if the request came through one. */
export const forwardedFor = (c: RequestLike) => c.req.header("x-forwarded-for")?.split(",")[0]?.trim() || undefined;

/** The client address: the first X-Forwarded-For hop behind a proxy, else the socket's. */
export const clientAddress = (c: RequestLike) =>
  forwardedFor(c) ?? ((c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? "unknown");
