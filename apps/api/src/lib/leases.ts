import { randomUUID } from "node:crypto";

import type { Cluster, Redis } from "ioredis";

import { within } from "./shared-cache.ts";

/**
 * Leases in Redis: "this work is being done, by a process that is alive". A holder renews its lease
 * every `renewMs`; a process that dies stops renewing, and the lease lapses `ttlMs` later, so any
 * other API instance can tell a live piece of work from one cut off with its process (a chat reply
 * whose instance was killed mid-stream) within seconds instead of guessing from its age.
 */
export type TLeaseStore = {
  redis: Redis | Cluster | null;
  prefix: string;
  ttlMs: number;
  renewMs: number;
  timeoutMs: number;
};

export type TLease = { release: () => Promise<void> };
export type TLeases = {
  /** The lease on `name`, or null when another process holds it or Redis cannot say (away, slow). */
  hold: (name: string) => Promise<TLease | null>;
  ttlMs: number;
};

// Renew or release only the lease this holder took (its token), never a later holder's.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export const createLeases = (
  { redis, prefix, ttlMs, renewMs, timeoutMs }: TLeaseStore,
  onError: (error: unknown) => void = () => undefined,
): TLeases => ({
  ttlMs,
  hold: async (name) => {
    if (!redis) return null;
    const key = `${prefix}:{lease:${name}}`;
    const token = randomUUID();
    try {
      if ((await within(redis.set(key, token, "PX", ttlMs, "NX"), timeoutMs)) !== "OK") return null;
    } catch (error) {
      onError(error);
      return null;
    }
    const renewal = setInterval(
      () => void within(redis.eval(RENEW, 1, key, token, String(ttlMs)), timeoutMs).catch(onError),
      renewMs,
    );
    renewal.unref();
    return {
      release: async () => {
        clearInterval(renewal);
        await within(redis.eval(RELEASE, 1, key, token), timeoutMs).catch(onError);
      },
    };
  },
});

/** No Redis: nothing can be told about other processes. */
export const NO_LEASES: TLeases = { ttlMs: 0, hold: async () => null };
