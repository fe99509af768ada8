import type { Cluster, Redis } from "ioredis";

import { withinTimeout } from "@cto/queue/queues";

/**
 * A read-through cache in Redis that every API instance shares, so a write through one instance is
 * seen by the next read through any other: nothing is kept in the process.
 *
 * Each entry is one Redis hash `{ gen, value, valueGen }`: one key per script, so it works on a Redis
 * Cluster as on one server. A write bumps `gen` and drops `value`. A read that misses loads from the
 * database and stores what it loaded only if `gen` is still the one it saw before loading
 * (compare-and-set in one script); a write that landed meanwhile makes that store a no-op, so a slow
 * reader can never put back a value older than the write (the race a plain delete-then-set cache has).
 *
 * Redis away or slower than `timeoutMs`: reads go to the database and invalidations are lost, which
 * `ttlMs` bounds (an entry older than that is loaded again whatever happened).
 */
export type TSharedCacheStore = { redis: Redis | Cluster | null; prefix: string; ttlMs: number; timeoutMs: number };

export type TSharedCache = {
  /** The cached value of `scope`/`id`, or `load()`'s, stored for the next reader when no write came between. */
  read: <T>(scope: string, id: string, load: () => Promise<T>) => Promise<T>;
  /** Call after every committed write that changes `scope`/`id`: every instance's next read loads it again. */
  invalidate: (scope: string, id: string) => Promise<void>;
};

// KEYS[1] the entry. Returns [gen, valueGen, value]; a hit is valueGen == gen.
const READ = `return redis.call('HMGET', KEYS[1], 'gen', 'valueGen', 'value')`;
// KEYS[1] the entry; ARGV: the gen seen before loading, the value, the TTL in ms.
const STORE = `
local gen = redis.call('HGET', KEYS[1], 'gen') or '0'
if gen ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'gen', gen, 'valueGen', gen, 'value', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;
// KEYS[1] the entry; ARGV[1] the TTL in ms. The entry outlives its value by the TTL, so a reader that
// saw the old gen cannot find the key gone (gen back to 0) and store an old value under it.
const INVALIDATE = `
redis.call('HINCRBY', KEYS[1], 'gen', 1)
redis.call('HDEL', KEYS[1], 'value', 'valueGen')
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`;

// Dates survive the round trip (Prisma rows carry them); everything else is plain JSON.
const encode = (value: unknown) =>
  JSON.stringify(value, function (this: Record<string, unknown>, key, encoded) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.getTime() } : encoded;
  });
const decode = <T>(text: string): T =>
  JSON.parse(text, (_key, value) =>
    value && typeof value === "object" && Object.keys(value).length === 1 && typeof value.$date === "number"
      ? new Date(value.$date)
      : value,
  );

/**
 * `promise`, or a rejection once `ms` passed (the command itself may still land in Redis later); `from`
 * names the cache in the error. An answer that came in time during an event-loop stall still counts
 * (`withinTimeout`).
 */
export const within = <T>(promise: Promise<T>, ms: number, from?: string) =>
  withinTimeout(promise, ms, () => new Error(`${from ? `${from}: ` : ""}no answer from Redis within ${ms} ms`));

export const createSharedCache = (
  { redis, prefix, ttlMs, timeoutMs }: TSharedCacheStore,
  onError: (error: unknown) => void = () => undefined,
): TSharedCache => {
  const keyOf = (scope: string, id: string) => `${prefix}:{${scope}:${id}}`;
  const read = async <T>(scope: string, id: string, load: () => Promise<T>): Promise<T> => {
    if (!redis) return load();
    const key = keyOf(scope, id);
    let seen: string;
    try {
      const [gen, valueGen, value] = (await within(redis.eval(READ, 1, key), timeoutMs)) as [
        string | null,
        string | null,
        string | null,
      ];
      seen = gen ?? "0";
      if (value !== null && valueGen === seen) return decode<T>(value);
    } catch (error) {
      onError(error);
      return load();
    }
    const loaded = await load();
    await within(redis.eval(STORE, 1, key, seen, encode(loaded ?? null), String(ttlMs)), timeoutMs).catch(onError);
    return loaded;
  };
  const invalidate = async (scope: string, id: string) => {
    if (!redis) return;
    await within(redis.eval(INVALIDATE, 1, keyOf(scope, id), String(ttlMs)), timeoutMs).catch(onError);
  };
  return { read, invalidate };
};

/** No cache: every read loads (tests of services, and an API without Redis). */
export const NO_SHARED_CACHE: TSharedCache = { read: (_scope, _id, load) => load(), invalidate: async () => undefined };
