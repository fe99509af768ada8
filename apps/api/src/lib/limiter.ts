import type { TRedis } from "@cto/queue/connection";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  RLWrapperTimeouts,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";

import { RateLimitedError } from "../errors.ts";

export type TLimit = { limit: number; windowMs: number };

/**
 * Where limits are counted. With Redis every API instance shares one count; each limiter also keeps
 * an in-process count that answers while Redis is away or slower than `timeoutMs` (so a Redis
 * hiccup slows nothing and never turns a sign-in into a 5xx). Without Redis only the in-process one.
 */
export type TLimitStore = { redis: TRedis | null; prefix: string; timeoutMs: number };

export type TLimiter = RateLimiterAbstract;

// The in-process store expires keys with timers, which Node caps at 2^31 - 1 ms (24.8 days).
const LONGEST_WINDOW_MS = 24 * 24 * 3_600_000;

/** A fixed window of `limit` points per key (rate-limiter-flexible); windows are whole seconds, at most 24 days. */
export const createLimiter = (store: TLimitStore, name: string, { limit, windowMs }: TLimit): TLimiter => {
  if (windowMs > LONGEST_WINDOW_MS) throw new Error(`The ${name} limit's window is longer than 24 days`);
  const options = {
    keyPrefix: `${store.prefix}:${name}`,
    points: limit,
    duration: Math.max(1, Math.ceil(windowMs / 1000)),
  };
  const memory = new RateLimiterMemory(options);
  if (!store.redis) return memory;
  const shared = new RateLimiterRedis({
    ...options,
    storeClient: store.redis,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
  return new RLWrapperTimeouts({ limiter: shared, timeoutMs: store.timeoutMs });
};

/** Counts one attempt under `key`; past the limit, 429 rate_limited with Retry-After (the window's end). */
export const takeOrRefuse = async (limiter: TLimiter, key: string, message: string) => {
  try {
    return await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes)
      throw new RateLimitedError(message, Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    throw error;
  }
};

/** Gives back one attempt counted by `takeOrRefuse` (one that turned out not to count, such as a right password). */
export const giveBack = (limiter: TLimiter, key: string) => limiter.reward(key).then(() => undefined);
