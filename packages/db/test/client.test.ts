// createDb / getDb / disconnectDb: the client factory and the process-wide singleton.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDb, disconnectDb, getDb, logLevelsFor, rawTransaction } from "../src/client.ts";
import { testTargets, type TestDatabase } from "../src/testing/index.ts";

describe("createDb", () => {
  it("throws a clear error without a URL", () => {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      expect(() => createDb()).toThrow(/DATABASE_URL is not set/);
      expect(() => createDb({ url: "" })).toThrow(/DATABASE_URL is not set/);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});

describe("logLevelsFor", () => {
  it("logs queries only when asked to, never errors (thrown to their callers instead), nothing under test", () => {
    expect(logLevelsFor({ NODE_ENV: "development" })).toEqual(["warn"]);
    expect(logLevelsFor({ NODE_ENV: "development", DB_LOG_QUERIES: "true" })).toEqual(["query", "warn"]);
    expect(logLevelsFor({ NODE_ENV: "production", DB_LOG_QUERIES: "1" })).toEqual(["warn"]);
    expect(logLevelsFor({ NODE_ENV: "test", DB_LOG_QUERIES: "true" })).toEqual([]);
  });
});

// One target is enough here: the singleton is about the process, not the database.
const target = testTargets()[0]!;

describe(`getDb / disconnectDb on ${target.name}`, () => {
  let database: TestDatabase;
  let savedUrl: string | undefined;

  beforeAll(async () => {
    database = await target.createMigrated();
    savedUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = database.url;
    // Start from no singleton, whatever ran before in this process.
    await disconnectDb();
  });

  afterAll(async () => {
    await disconnectDb();
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
    await database?.drop();
  });

  it("returns the same client every time, connected to DATABASE_URL", async () => {
    const first = getDb();
    const second = getDb();
    expect(second).toBe(first);
    // It really talks to the test database (migrated and empty).
    const rows = await first.$queryRaw<{ database: string }[]>`SELECT current_database() AS database`;
    expect(rows).toEqual([{ database: database.name }]);
    expect(await first.user.count()).toBe(0);
  });

  it("gives a new, working client after disconnectDb()", async () => {
    const before = getDb();
    await disconnectDb();
    const after = getDb();
    expect(after).not.toBe(before);
    expect(getDb()).toBe(after);
    expect(await after.user.count()).toBe(0);
  });

  it("disconnectDb() without a client is harmless", async () => {
    await disconnectDb();
    await expect(disconnectDb()).resolves.toBeUndefined();
  });
});

describe.each(testTargets())("client sessions on $name", (target) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await target.createMigrated();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("run in UTC whatever the server's default time zone, so raw timestamps keep their meaning", async () => {
    const admin = createDb({ url: database.url, log: [], role: null });
    await admin.$executeRawUnsafe(`ALTER DATABASE "${database.name}" SET timezone = 'America/New_York'`);
    await admin.$disconnect();
    const db = createDb({ url: database.url, log: [] });
    try {
      const [row] = await db.$queryRaw<{ timezone: string }[]>`SELECT current_setting('TimeZone') AS timezone`;
      expect(row?.timezone).toBe("UTC");
    } finally {
      await db.$disconnect();
    }
  });
});

describe(`a connection the server ends on ${target.name}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await target.createMigrated();
  });
  afterAll(async () => {
    await database?.drop();
  });

  // A restart, a failover or a dropped database ends connections the pool has handed out; the one held
  // between statements must fail its next statement, not crash the process with an unhandled 'error'.
  it.runIf(target.name === "postgres")(
    "fails the work that held it, and the process and the pool carry on",
    async () => {
      const db = createDb({ url: database.url, log: [] });
      const admin = createDb({ url: database.url, log: [], role: null });
      try {
        const held = rawTransaction(db, async (query) => {
          const [{ pid }] = (await query<{ pid: number }>("SELECT pg_backend_pid() AS pid")) as [{ pid: number }];
          await admin.$queryRawUnsafe("SELECT pg_terminate_backend($1)", pid);
          // Between statements, as a caller awaiting something else: the server's goodbye arrives now.
          await new Promise((resolve) => setTimeout(resolve, 300));
          await query("SELECT 1");
        });
        await expect(held).rejects.toThrow();
        const [row] = await db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`;
        expect(row?.one).toBe(1);
      } finally {
        await db.$disconnect();
        await admin.$disconnect();
      }
    },
  );
});
