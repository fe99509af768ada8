import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createProducerConnection, type TRedis } from "@cto/queue/connection";
import { deleteKeys, exclusively, topologyAvailable, TOPOLOGIES, type TTopology } from "@cto/queue/testing";

import { createApp } from "../src/app.ts";
import { GENEROUS_AUTH_LIMITS } from "../src/context.ts";
import { redisReady } from "../src/middleware/rate-limit.ts";
import { startApi, WEB_ORIGIN, type Harness } from "./harness.ts";
import { sameSession, signUp } from "./support/api.ts";

// The abuse limits and the shared cache on a Redis Cluster and behind Sentinel (issue 15, §3): two API
// instances, each with its own connection from the factory, count together, as on one server
// (auth-limits.test.ts), and a write through one is read through the other at once (shared-cache.test.ts). The local
// cluster and sentinel set come from tooling/scripts/ensure-redis-*.sh.
const ci = Boolean(process.env.CI);
const available = {
  cluster: await topologyAvailable("cluster", { ci }),
  sentinel: await topologyAvailable("sentinel", { ci }),
};
const PASSWORD = "correct horse battery";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

let harness: Harness;
const connections: Array<{ connection: TRedis; prefix: string }> = [];
beforeAll(async () => {
  harness = await startApi();
});
afterAll(async () => {
  for (const { connection, prefix } of connections) {
    await deleteKeys(connection, prefix).catch(() => undefined);
    connection.disconnect();
  }
  await harness?.close();
});

let counter = 0;
const newEmail = (name: string) => `${name}-${Date.now()}-${counter++}@example.com`;

describe.each(["cluster", "sentinel"] as const)("abuse limits and caches on a Redis %s", (kind: TTopology) => {
  // Not while another test process fails the same Redis over.
  it.skipIf(!available[kind])("are shared by two API instances", { timeout: 240_000 }, () =>
    exclusively(kind, REDIS_URL, async () => {
      const prefix = `cto-test-limits-${kind}-${process.pid}-${Date.now()}`;
      const instance = async () => {
        const connection = createProducerConnection(TOPOLOGIES[kind].target);
        connection.on("error", () => undefined);
        connections.push({ connection, prefix });
        expect(await redisReady(connection, 5_000)).toBe(true);
        const limits = {
          ...GENEROUS_AUTH_LIMITS,
          signInFailures: { limit: 4, windowMs: 60_000 },
          address: { limit: 6, windowMs: 60_000 },
        };
        // A generous timeout: this test is about sharing, not about the in-process fallback of a slow Redis.
        return createApp({
          db: harness.db,
          mailer: harness.mailer,
          ai: harness.ai,
          config: { ...harness.config, authLimits: limits },
          limitStore: { redis: connection, prefix, timeoutMs: 5_000 },
          cacheStore: { redis: connection, prefix: `${prefix}:cache`, timeoutMs: 5_000 },
        });
      };
      const [one, two] = [await instance(), await instance()];
      const post = (app: typeof one, address: string, path: string, body: unknown) =>
        app.request(
          path,
          {
            method: "POST",
            headers: { origin: WEB_ORIGIN, "content-type": "application/json" },
            body: JSON.stringify(body),
          },
          { incoming: { socket: { remoteAddress: address } } },
        );

      const email = newEmail(`limits-${kind}`);
      expect((await post(one, "192.0.2.210", "/auth/sign-up", { email, password: PASSWORD })).status).toBe(201);
      // Failed sign-ins for one account, alternating instances and addresses: the fifth is refused, and so is the right password.
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await post(i % 2 ? two : one, `198.51.100.${170 + i}`, "/auth/sign-in", { email, password: "wrong guess" }))
            .status,
        );
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      expect((await post(two, "198.51.100.180", "/auth/sign-in", { email, password: PASSWORD })).status).toBe(429);
      // Requests from one address, spread over both: six, then 429.
      const spread: number[] = [];
      for (let i = 0; i < 7; i++)
        spread.push(
          (
            await post(i % 2 ? two : one, "198.51.100.181", "/auth/sign-in", {
              email: newEmail("spread"),
              password: "wrong guess",
            })
          ).status,
        );
      expect(spread).toEqual([401, 401, 401, 401, 401, 401, 429]);

      // The user context cache (one key per command, so any slot): read through both, written through one.
      const user = await signUp({ ...harness, app: one }, `cache-${kind}`);
      const other = sameSession(user, { ...harness, app: two });
      expect((await other.request("GET", "/me/context")).body).toBeNull();
      expect((await user.request("GET", "/me/context")).body).toBeNull();
      expect((await user.request("PUT", "/me/context", { personalBio: `On a ${kind}` })).status).toBe(200);
      expect((await other.request("GET", "/me/context")).body).toMatchObject({ personalBio: `On a ${kind}` });
      expect((await other.request("PUT", "/me/context", { personalBio: "Moved on" })).status).toBe(200);
      expect((await user.request("GET", "/me/context")).body).toMatchObject({ personalBio: "Moved on" });
      // Redis answered: the entry lives under the instances' shared prefix, on one of the masters.
      const redis = connections.at(-1)!.connection;
      const masters = "nodes" in redis ? redis.nodes("master") : [redis];
      let entries = 0;
      for (const node of masters) {
        let cursor = "0";
        // Bounded: a test Redis holds far fewer than 100 × 10,000 keys.
        for (let round = 0; round < 100; round++) {
          const [next, keys] = await node.scan(cursor, "MATCH", `${prefix}:cache*`, "COUNT", 10_000);
          entries += keys.length;
          cursor = next;
          if (cursor === "0") break;
        }
      }
      expect(entries).toBeGreaterThan(0);
    }),
  );
});
