import { describe, expect, it } from "vitest";

import type { Db } from "@cto/db/client";

import { createApp } from "./app.ts";

const fakeDb = (answers: boolean) => ({ $queryRaw: async () => (answers ? [{ "?column?": 1 }] : Promise.reject(new Error("down"))) }) as unknown as Db;

describe("health routes", () => {
  it("answers liveness without touching the database", async () => {
    const response = await createApp({ db: fakeDb(false) }).request("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("is ready when the database answers, and says so when it does not", async () => {
    expect((await createApp({ db: fakeDb(true) }).request("/ready")).status).toBe(200);
    const down = await createApp({ db: fakeDb(false) }).request("/ready");
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "not_ready", database: "unreachable" });
  });
});
