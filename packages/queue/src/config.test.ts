import { describe, expect, it } from "vitest";
import { z } from "zod";

import { parseEnv } from "@cto/contracts/env";

import { redisTargetFromEnv, requireOneRedis, requireRedisInProduction, ZRedisEnvSchema } from "./config.ts";
import { redisLocation } from "./connection.ts";
import { queuePrefix } from "./queues.ts";

// As an app's env.ts merges it.
const schema = z
  .object({ NODE_ENV: z.string().default("development"), ...ZRedisEnvSchema.shape })
  .superRefine(requireOneRedis)
  .superRefine(requireRedisInProduction("the queues"), { when: () => true });
const target = (source: Record<string, string>) => redisTargetFromEnv(parseEnv(schema, source, "test"));
const problems = (source: Record<string, string>) => {
  try {
    parseEnv(schema, source, "test");
    return "";
  } catch (error) {
    return (error as Error).message;
  }
};

describe("where Redis is, from the environment", () => {
  it("is development's local server when nothing names one, or REDIS_URL", () => {
    expect(target({})).toEqual({ kind: "single", url: "redis://127.0.0.1:6379" });
    expect(target({ REDIS_URL: "", REDIS_CLUSTER_NODES: "" })).toEqual({
      kind: "single",
      url: "redis://127.0.0.1:6379",
    });
    expect(target({ REDIS_URL: "rediss://:pw@redis.internal:6380" })).toEqual({
      kind: "single",
      url: "rediss://:pw@redis.internal:6380",
    });
  });

  it("reads a cluster's seed nodes and the nodes' credentials", () => {
    expect(
      target({ REDIS_CLUSTER_NODES: "10.0.0.1:7001, redis-2.internal:7002,[fd00::3]:7003", REDIS_PASSWORD: "pw" }),
    ).toEqual({
      kind: "cluster",
      nodes: [
        { host: "10.0.0.1", port: 7001 },
        { host: "redis-2.internal", port: 7002 },
        { host: "fd00::3", port: 7003 },
      ],
      password: "pw",
    });
  });

  it("reads the sentinels, the master's name and both passwords", () => {
    expect(
      target({
        REDIS_SENTINELS: "127.0.0.1:26380,127.0.0.1:26381",
        REDIS_SENTINEL_NAME: "cto",
        REDIS_USERNAME: "app",
        REDIS_PASSWORD: "pw",
        REDIS_SENTINEL_PASSWORD: "spw",
      }),
    ).toEqual({
      kind: "sentinel",
      sentinels: [
        { host: "127.0.0.1", port: 26380 },
        { host: "127.0.0.1", port: 26381 },
      ],
      name: "cto",
      username: "app",
      password: "pw",
      sentinelPassword: "spw",
    });
  });

  it("names each variable that is wrong", () => {
    expect(problems({ REDIS_CLUSTER_NODES: "10.0.0.1,10.0.0.2:99999" })).toMatch(
      /REDIS_CLUSTER_NODES: a comma-separated list of host:port; not one: 10\.0\.0\.1, 10\.0\.0\.2:99999/,
    );
    expect(problems({ REDIS_SENTINELS: "," })).toMatch(/REDIS_SENTINELS: a comma-separated list of host:port/);
    const both = problems({ REDIS_URL: "redis://a:6379", REDIS_CLUSTER_NODES: "b:7001" });
    expect(both).toMatch(/REDIS_URL: set only one of REDIS_URL, REDIS_CLUSTER_NODES, REDIS_SENTINELS/);
    expect(both).toMatch(/REDIS_CLUSTER_NODES: set only one of/);
    expect(problems({ REDIS_SENTINELS: "a:26379" })).toMatch(/REDIS_SENTINEL_NAME: required with REDIS_SENTINELS/);
    expect(problems({ REDIS_SENTINEL_NAME: "cto" })).toMatch(/REDIS_SENTINELS: required with REDIS_SENTINEL_NAME/);
    expect(problems({ REDIS_URL: "redis://a:6379", REDIS_PASSWORD: "pw" })).toMatch(
      /REDIS_PASSWORD: for REDIS_CLUSTER_NODES or REDIS_SENTINELS; with REDIS_URL put the credentials in the URL/,
    );
  });

  it("requires one of the three in production, named as REDIS_URL", () => {
    expect(problems({ NODE_ENV: "production" })).toMatch(
      /REDIS_URL: required in production \(or REDIS_CLUSTER_NODES, or REDIS_SENTINELS with REDIS_SENTINEL_NAME\): the queues/,
    );
    expect(problems({ NODE_ENV: "production", REDIS_CLUSTER_NODES: "a:7001" })).toBe("");
    expect(problems({ NODE_ENV: "production", REDIS_SENTINELS: "a:26379", REDIS_SENTINEL_NAME: "cto" })).toBe("");
  });

  it("says where, without credentials, in log lines", () => {
    expect(redisLocation(target({ REDIS_URL: "redis://:secret@redis.internal:6380" }))).toBe("redis.internal:6380");
    expect(redisLocation(target({ REDIS_CLUSTER_NODES: "a:7001,[fd00::3]:7003", REDIS_PASSWORD: "secret" }))).toBe(
      "cluster a:7001,[fd00::3]:7003",
    );
    expect(
      redisLocation(
        target({ REDIS_SENTINELS: "a:26379", REDIS_SENTINEL_NAME: "cto", REDIS_SENTINEL_PASSWORD: "secret" }),
      ),
    ).toBe('sentinel master "cto" via a:26379');
  });
});

describe("queue key prefixes", () => {
  it("carry one hash tag per queue on a cluster only, and keep a tag the operator chose", () => {
    expect(queuePrefix("cto", "reminders", { isCluster: false })).toBe("cto");
    expect(queuePrefix("cto", "reminders", { isCluster: true })).toBe("{cto:reminders}");
    expect(queuePrefix("{cto}", "reminders", { isCluster: true })).toBe("{cto}");
  });
});
