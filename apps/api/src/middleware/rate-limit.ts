import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { TRedis } from "@cto/queue/connection";

import type { AppEnv } from "../context.ts";
import { takeOrRefuse, type TLimiter } from "../lib/limiter.ts";

export const rateLimit = ({
  limiter,
  key,
  message,
}: {
  limiter: TLimiter;
  key: (c: Context<AppEnv>) => string;
  message: string;
}) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await takeOrRefuse(limiter, key(c), message);
    await next();
  });

/**
 * Waits up to `ms` for Redis to be ready; the API says at start-up where its limits live (false:
 * in this process until Redis answers, not shared between instances).
 */
export const redisReady = (redis: TRedis, ms: number) =>
  new Promise<boolean>((resolve) => {
    if (redis.status === "ready") return resolve(true);
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off("ready", onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    redis.once("ready", onReady);
  });
