import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createProducerConnection } from "@cto/queue/connection";

import { createSharedCache, within } from "../src/lib/shared-cache.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

// Two connections, as two API instances have: they share nothing but the Redis server.
const connections = [createProducerConnection(REDIS_URL), createProducerConnection(REDIS_URL)];
const prefix = `cto-test-cache-${randomUUID()}`;
const [one, two] = connections.map((redis) => createSharedCache({ redis, prefix, ttlMs: 60_000, timeoutMs: 2_000 }));

beforeAll(async () => {
  // Producer connections buffer nothing: a command before the connection is up fails (and the cache reads the database).
  await Promise.all(
    connections.map(
      (connection) => connection.status === "ready" || new Promise((resolve) => connection.once("ready", resolve)),
    ),
  );
});

afterAll(async () => {
  const keys = await connections[0]!.keys(`${prefix}:*`);
  if (keys.length) await connections[0]!.del(...keys);
  for (const connection of connections) connection.disconnect();
});

/** A loader that counts its calls and answers the current value of a "row". */
const rowLoader = <T>(initial: T) => {
  const state = { value: initial, loads: 0 };
  const load = async () => {
    state.loads++;
    return state.value;
  };
  return { state, load };
};

describe("the shared cache (Redis)", () => {
  it("loads once, then answers from Redis on every instance, Dates included", async () => {
    const row = rowLoader({ bio: "first", updatedAt: new Date(1_700_000_000_123) });
    const id = randomUUID();
    expect(await one!.read("profile", id, row.load)).toEqual(row.state.value);
    const fromTwo = await two!.read("profile", id, row.load);
    expect(fromTwo).toEqual({ bio: "first", updatedAt: new Date(1_700_000_000_123) });
    expect(fromTwo.updatedAt).toBeInstanceOf(Date);
    expect(row.state.loads).toBe(1);
  });

  it("caches null (nothing stored yet is an answer too)", async () => {
    const row = rowLoader<string | null>(null);
    const id = randomUUID();
    expect(await one!.read("profile", id, row.load)).toBeNull();
    expect(await two!.read("profile", id, row.load)).toBeNull();
    expect(row.state.loads).toBe(1);
  });

  it("a write invalidated through one instance is read through the other at once", async () => {
    const row = rowLoader("old");
    const id = randomUUID();
    await one!.read("profile", id, row.load);
    await two!.read("profile", id, row.load);
    row.state.value = "new";
    await one!.invalidate("profile", id);
    expect(await two!.read("profile", id, row.load)).toBe("new");
    expect(await one!.read("profile", id, row.load)).toBe("new");
    expect(row.state.loads).toBe(2);
  });

  it("a reader that loaded before a write never stores its older value", async () => {
    const id = randomUUID();
    let value = "old";
    let release!: () => void;
    const slowLoad = async () => {
      const seen = value;
      await new Promise<void>((resolve) => (release = resolve));
      return seen;
    };
    // Instance one misses and reads the database (the old row), then stalls before storing it.
    const slowRead = one!.read("profile", id, slowLoad);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Meanwhile instance two writes, commits and invalidates.
    value = "new";
    await two!.invalidate("profile", id);
    release();
    expect(await slowRead).toBe("old");
    // The stale value was not stored: the next read, anywhere, loads the new row.
    expect(await two!.read("profile", id, async () => value)).toBe("new");
    expect(await one!.read("profile", id, async () => "not loaded again")).toBe("new");
  });

  it("keeps scopes and ids apart", async () => {
    const id = randomUUID();
    await one!.read("a", id, async () => "a");
    expect(await one!.read("b", id, async () => "b")).toBe("b");
    expect(await one!.read("a", randomUUID(), async () => "other")).toBe("other");
  });

  it("without Redis, every read goes to the database and nothing throws", async () => {
    const down = createProducerConnection("redis://127.0.0.1:1", { retryStrategy: () => null });
    down.on("error", () => undefined);
    const errors: unknown[] = [];
    const cache = createSharedCache({ redis: down, prefix, ttlMs: 60_000, timeoutMs: 500 }, (error) =>
      errors.push(error),
    );
    const row = rowLoader("from the database");
    expect(await cache.read("profile", "x", row.load)).toBe("from the database");
    expect(await cache.read("profile", "x", row.load)).toBe("from the database");
    await expect(cache.invalidate("profile", "x")).resolves.toBeUndefined();
    expect(row.state.loads).toBe(2);
    expect(errors.length).toBeGreaterThan(0);
    down.disconnect();
  });

  it("an invalidation Redis answered in time counts even when the event loop stalled past the bound", async () => {
    const errors: unknown[] = [];
    const strict = createSharedCache({ redis: connections[0]!, prefix, ttlMs: 60_000, timeoutMs: 50 }, (error) =>
      errors.push(error),
    );
    const id = randomUUID();
    const row = rowLoader("before");
    await two!.read("profile", id, row.load);
    row.state.value = "after";
    const invalidated = strict.invalidate("profile", id);
    stall(300);
    await invalidated;
    expect(errors).toEqual([]);
    expect(await two!.read("profile", id, row.load)).toBe("after");
    await expect(within(new Promise(() => undefined), 50, "test")).rejects.toThrow(
      /test: no answer from Redis within 50 ms/,
    );
  });
});

/** Keeps the event loop busy, as a long synchronous task or a GC pause does. */
const stall = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};
