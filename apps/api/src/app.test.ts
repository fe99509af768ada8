import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDb, type Db } from "@cto/db/client";
import { createEmbeddedTestDatabase, type TestDatabase } from "@cto/db/testing";

import { createApp } from "./app.ts";

describe("health routes", () => {
  let database: TestDatabase;
  let db: Db;
  // A client whose server does not exist: port 1 on loopback refuses every connection.
  const unreachable = createDb({ url: "postgresql://postgres@127.0.0.1:1/postgres", log: [] });

  beforeAll(async () => {
    database = await createEmbeddedTestDatabase({ migrate: true });
    db = createDb({ url: database.url, log: [] });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await unreachable.$disconnect();
    await database?.drop();
  });

  it("answers liveness without touching the database", async () => {
    const response = await createApp({ db: unreachable }).request("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("is ready when the database answers", async () => {
    const response = await createApp({ db }).request("/ready");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ready",
      database: "ok",
      migrations: "ok",
      redis: "off",
      queues: "off",
      workers: null,
    });
  });

  it("says it is not ready when the database is unreachable", async () => {
    const response = await createApp({ db: unreachable }).request("/ready");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "not_ready",
      failing: ["database", "migrations"],
      database: "unreachable",
      migrations: "unknown",
      redis: "off",
      queues: "off",
      workers: null,
    });
  });
});
