import type { Cluster, Redis } from "ioredis";

import type { Db } from "@cto/db/client";

import { within as withinShared } from "./shared-cache.ts";

/**
 * Who a session token or API key belongs to, cached so that a request asks the database only when
 * neither tier has it. Keyed by the token's SHA-256, never the token.
 * - In this process for up to `localTtlMs`, and only while a Redis subscription tells it of every
 *   credential any instance forgets: with the subscription down the process keeps nothing.
 * - In Redis for up to `sharedTtlMs`, shared by every instance.
 * Every forget is for good (signed out, revoked, password reset, account deleted): after the change is
 * committed, `forget` leaves a tombstone in Redis, drops this process's copy and tells every instance,
 * all before the request that revoked answers. Entries are written only where no tombstone is (SET NX),
 * so a reader that loaded the credential just before the revoke cannot put it back, and a process keeps
 * what it loaded only when no forget arrived while it loaded. Only valid credentials are cached.
 * Redis away or slower than `timeoutMs`: the database answers. A forget waits longer (`forgetTimeoutMs`):
 * revokes are rare, and one given up leaves the credential working on other instances for up to
 * `localTtlMs`. A forget Redis did not take (it was away) is bounded by `sharedTtlMs`.
 */
export type TAuthCache = {
  /** The cached entry for `hash`, else `load()`'s (cached unless null). */
  read: <T extends object>(hash: string, load: () => Promise<T | null>) => Promise<T | null>;
  /** After a committed change that ends these credentials, on every instance. */
  forget: (hashes: string[]) => Promise<void>;
  close: () => void;
};

/** What revoking one of the user's credentials (an API key, a session) takes; the cache forgets it at once. */
export type TRevokeOwn = { db: Db; userId: string; id: string; cache?: TAuthCache };

export type TAuthCacheOptions = {
  redis: Redis | Cluster;
  prefix: string;
  localTtlMs?: number;
  sharedTtlMs?: number;
  timeoutMs?: number;
  forgetTimeoutMs?: number;
  maxLocalEntries?: number;
  onError?: (error: unknown) => void;
};

const TOMBSTONE = "-";

const within = <T>(promise: Promise<T>, ms: number) => withinShared(promise, ms, "auth cache");

export const createAuthCache = ({
  redis,
  prefix,
  localTtlMs = 30_000,
  sharedTtlMs = 60_000,
  timeoutMs = 250,
  forgetTimeoutMs = 2_000,
  maxLocalEntries = 10_000,
  onError = () => undefined,
}: TAuthCacheOptions): TAuthCache => {
  const channel = `${prefix}:forget`;
  const keyOf = (hash: string) => `${prefix}:${hash}`;
  const local = new Map<string, { value: object; until: number }>();
  // Bumped by every forget this process hears of (and by a lost subscription): a load that saw another
  // value is not kept here.
  let epoch = 0;
  let listening = false;
  const subscriber = redis.duplicate();
  const drop = (hashes: string[] | null) => {
    epoch += 1;
    if (!hashes) local.clear();
    else for (const hash of hashes) local.delete(hash);
  };
  subscriber.on("message", (_channel: string, message: string) => drop(JSON.parse(message) as string[]));
  subscriber.on("ready", () => {
    subscriber.subscribe(channel).then(() => (listening = true), onError);
  });
  // Whatever was published while the subscription was down is lost, so nothing kept here can be trusted.
  subscriber.on("close", () => {
    listening = false;
    drop(null);
  });
  subscriber.on("error", onError);

  const keep = (hash: string, value: object, seen: number) => {
    if (!listening || seen !== epoch) return;
    if (local.size >= maxLocalEntries) local.delete(local.keys().next().value!);
    local.set(hash, { value, until: Date.now() + localTtlMs });
  };

  const read = async <T extends object>(hash: string, load: () => Promise<T | null>): Promise<T | null> => {
    const kept = local.get(hash);
    if (kept && kept.until > Date.now()) return kept.value as T;
    if (kept) local.delete(hash);
    const seen = epoch;
    let shared: string | null = null;
    try {
      shared = await within(redis.get(keyOf(hash)), timeoutMs);
    } catch (error) {
      onError(error);
      return load();
    }
    if (shared !== null && shared !== TOMBSTONE) {
      const value = JSON.parse(shared) as T;
      keep(hash, value, seen);
      return value;
    }
    const loaded = await load();
    if (loaded && shared === null) {
      const stored = await within(
        redis.set(keyOf(hash), JSON.stringify(loaded), "PX", sharedTtlMs, "NX"),
        timeoutMs,
      ).catch((error: unknown) => {
        onError(error);
        return null;
      });
      if (stored === "OK") keep(hash, loaded, seen);
    }
    return loaded;
  };

  const forget = async (hashes: string[]) => {
    if (!hashes.length) return;
    drop(hashes);
    try {
      // One key at a time: on a Redis Cluster the keys live in different slots.
      await within(
        Promise.all(hashes.map((hash) => redis.set(keyOf(hash), TOMBSTONE, "PX", sharedTtlMs))),
        forgetTimeoutMs,
      );
      await within(redis.publish(channel, JSON.stringify(hashes)), forgetTimeoutMs);
    } catch (error) {
      onError(error);
    }
  };

  return { read, forget, close: () => subscriber.disconnect() };
};

/** No cache: every read asks the database (an API without Redis, and services' tests). */
export const NO_AUTH_CACHE: TAuthCache = {
  read: (_hash, load) => load(),
  forget: async () => undefined,
  close: () => undefined,
};
