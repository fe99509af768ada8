import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { loadEnv } from "../src/env.ts";

const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/cto", CTO_DATA_DIR: "/nonexistent/cto-data" };

const missingInProduction = (source: NodeJS.ProcessEnv) => {
  try {
    loadEnv(source);
    return [];
  } catch (error) {
    return [...(error as Error).message.matchAll(/^ {2}(\w+): required in production/gm)]
      .map((match) => match[1])
      .sort();
  }
};

describe("the worker's environment", () => {
  it("runs against development's local Redis when REDIS_URL is unset", () => {
    expect(loadEnv(base)).toMatchObject({
      NODE_ENV: "development",
      redis: { kind: "single", url: "redis://127.0.0.1:6379" },
    });
    expect(loadEnv({ ...base, REDIS_URL: "" }).redis).toEqual({ kind: "single", url: "redis://127.0.0.1:6379" });
  });

  it("refuses to start in production without Redis, the encryption key and mail, naming each one", () => {
    expect(missingInProduction({ ...base, NODE_ENV: "production" })).toEqual([
      "CTO_ENCRYPTION_KEY",
      "MAIL_FROM",
      "REDIS_URL",
      "SMTP_URL",
    ]);
    // Named together with an invalid or missing DATABASE_URL, not one failed start at a time.
    expect(missingInProduction({ NODE_ENV: "production" })).toEqual([
      "CTO_ENCRYPTION_KEY",
      "MAIL_FROM",
      "REDIS_URL",
      "SMTP_URL",
    ]);
    expect(missingInProduction({ NODE_ENV: "production", DATABASE_URL: "not a url" })).toEqual([
      "CTO_ENCRYPTION_KEY",
      "MAIL_FROM",
      "REDIS_URL",
      "SMTP_URL",
    ]);
    const production = {
      ...base,
      NODE_ENV: "production",
      REDIS_URL: "redis://redis.internal:6379",
      CTO_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      SMTP_URL: "smtp://mail.internal:587",
      MAIL_FROM: "no-reply@cto.example",
    };
    expect(missingInProduction(production)).toEqual([]);
    expect(loadEnv(production).redis).toEqual({ kind: "single", url: "redis://redis.internal:6379" });
    // A Redis Cluster or a Sentinel set stands for REDIS_URL.
    expect(
      missingInProduction({ ...production, REDIS_URL: "", REDIS_CLUSTER_NODES: "10.0.0.1:6379,10.0.0.2:6379" }),
    ).toEqual([]);
    expect(
      missingInProduction({
        ...production,
        REDIS_URL: "",
        REDIS_SENTINELS: "10.0.0.1:26379",
        REDIS_SENTINEL_NAME: "cto",
      }),
    ).toEqual([]);
    expect(missingInProduction({ ...production, CTO_ENCRYPTION_KEY: "" })).toEqual(["CTO_ENCRYPTION_KEY"]);
  });

  it("refuses a key that is not 32 bytes, naming it", () => {
    expect(() => loadEnv({ ...base, CTO_ENCRYPTION_KEY: randomBytes(16).toString("hex") })).toThrow(
      /CTO_ENCRYPTION_KEY: 32 bytes/,
    );
  });
});
