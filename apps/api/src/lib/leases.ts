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
  /** How often running work asks Redis whether another instance asked it to stop (250 ms when unset). */
  stopPollMs?: number;
};

/** Work that can be asked to stop: `signal` aborts on a stop asked through any instance; `end` once the work is over. */
export type TStopWatch = { signal: AbortSignal; end: () => void };

export type TLease = { release: () => Promise<void> };
export type TLeases = {
  /** The lease on `name`, or null when another process holds it or Redis cannot say (away, slow). */
  hold: (name: string) => Promise<TLease | null>;
  ttlMs: number;
  /** Watches for a stop of `name` while its work runs (a chat reply the user stopped). */
  watchStop: (name: string) => TStopWatch;
  /**
   * Asks the work `name` to stop, wherever it runs: at once in this process, within `stopPollMs` in
   * another (through a key in Redis that lives `ttlMs`). False when no process could be told (no
   * Redis and the work is not running here).
   */
  requestStop: (name: string) => Promise<boolean>;
};

const DEFAULT_STOP_POLL_MS = 250;

/** The stops this process can deliver itself: the work it runs, by name. */
const createLocalStops = () => {
  const running = new Map<string, Set<AbortController>>();
  return {
    watch: (name: string) => {
      const controller = new AbortController();
      const watchers = running.get(name) ?? new Set();
      watchers.add(controller);
      running.set(name, watchers);
      const end = () => {
        watchers.delete(controller);
        if (watchers.size === 0 && running.get(name) === watchers) running.delete(name);
      };
      return { controller, end };
    },
    stop: (name: string) => {
      const watchers = running.get(name);
      for (const controller of watchers ?? []) controller.abort();
      return (watchers?.size ?? 0) > 0;
    },
  };
};

// Renew or release only the lease this holder took (its token), never a later holder's.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export const createLeases = (
  { redis, prefix, ttlMs, renewMs, timeoutMs, stopPollMs = DEFAULT_STOP_POLL_MS }: TLeaseStore,
  onError: (error: unknown) => void = () => undefined,
): TLeases => {
  const local = createLocalStops();
  const stopKey = (name: string) => `${prefix}:{lease:${name}}:stop`;
  return {
    ttlMs,
    watchStop: (name) => {
      const { controller, end } = local.watch(name);
      if (!redis) return { signal: controller.signal, end };
      const poll = setInterval(() => {
        void within(redis.exists(stopKey(name)), timeoutMs)
          .then((found) => {
            if (found) controller.abort();
          })
          .catch(onError);
      }, stopPollMs);
      poll.unref();
      return {
        signal: controller.signal,
        end: () => {
          clearInterval(poll);
          end();
          // A stop that arrived is spent: the next work under this name (a retry) starts unstopped.
          void within(redis.del(stopKey(name)), timeoutMs).catch(onError);
        },
      };
    },
    requestStop: async (name) => {
      const here = local.stop(name);
      if (!redis) return here;
      try {
        return (await within(redis.set(stopKey(name), "1", "PX", ttlMs), timeoutMs)) === "OK" || here;
      } catch (error) {
        onError(error);
        return here;
      }
    },
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
  };
};

/** No Redis: nothing can be told about other processes; stops reach the work this process runs. */
export const NO_LEASES: TLeases = createLeases({ redis: null, prefix: "", ttlMs: 0, renewMs: 0, timeoutMs: 0 });
