// GET /ready answers 503 naming what fails: the database unreachable, a migration pending or failed,
// Redis unreachable where it is required. Real databases on both targets, a real Redis, a closed port.
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDb, findMigrationsDir } from "@cto/db/client";
import { migrationHistory, testTargets } from "@cto/db/testing";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues, type TQueues } from "@cto/queue/queues";

import { createApp } from "../src/app.ts";
import { readinessRequiresRedis } from "../src/env.ts";
import { startApi, type Harness } from "./harness.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const migrationsDir = findMigrationsDir()!;

const ready = async (
  harness: Harness,
  options: { queues?: TQueues | null; readinessRequiresRedis?: boolean; migrationsDir?: string | null } = {},
) => {
  const { queues = null, ...config } = options;
  const response = await createApp({
    db: harness.db,
    config: { ...harness.config, ...config },
    mailer: harness.mailer,
    ai: harness.ai,
    queues,
  }).request("/ready");
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** Queues on a Redis that is not there (a closed port), once the connection has failed. */
const unreachableQueues = async () => {
  const connection = createProducerConnection("redis://127.0.0.1:1");
  connection.on("error", () => undefined);
  const queues = createQueues({ connection, prefix: "cto-test-ready-down" });
  await new Promise((resolve) => connection.once("reconnecting", resolve));
  return { queues, close: () => connection.disconnect() };
};

describe("READINESS_REDIS", () => {
  it("requires Redis in production unless told otherwise, and nowhere else unless told", () => {
    expect(readinessRequiresRedis({ NODE_ENV: "production", READINESS_REDIS: undefined })).toBe(true);
    expect(readinessRequiresRedis({ NODE_ENV: "production", READINESS_REDIS: "optional" })).toBe(false);
    expect(readinessRequiresRedis({ NODE_ENV: "development", READINESS_REDIS: undefined })).toBe(false);
    expect(readinessRequiresRedis({ NODE_ENV: "development", READINESS_REDIS: "required" })).toBe(true);
  });
});

describe("/ready and Redis", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startApi();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("while Redis is unreachable: ready where Redis is optional (development), 503 naming it where required", async () => {
    const down = await unreachableQueues();
    try {
      expect(await ready(harness, { queues: down.queues })).toEqual({
        status: 200,
        body: {
          status: "ready",
          database: "ok",
          migrations: "ok",
          redis: "unreachable",
          queues: "unavailable",
          workers: null,
        },
      });
      expect(await ready(harness, { queues: down.queues, readinessRequiresRedis: true })).toEqual({
        status: 503,
        body: {
          status: "not_ready",
          failing: ["redis"],
          database: "ok",
          migrations: "ok",
          redis: "unreachable",
          queues: "unavailable",
          workers: null,
        },
      });
    } finally {
      down.close();
    }
  });

  it("with Redis answering, ready where it is required; without Redis configured at all, not ready where required", async () => {
    const connection = createProducerConnection(REDIS_URL);
    const queues = createQueues({ connection, prefix: `cto-test-ready-${process.pid}-${Date.now()}` });
    try {
      // Connected before the probe: /ready gives Redis 500 ms, which a first connection on a loaded host can miss.
      await queues.queue("reminders").getWorkersCount();
      expect(await ready(harness, { queues, readinessRequiresRedis: true })).toMatchObject({
        status: 200,
        body: { status: "ready", redis: "ok", queues: "ok" },
      });
      expect(await ready(harness, { queues: null, readinessRequiresRedis: true })).toMatchObject({
        status: 503,
        body: { failing: ["redis"], redis: "off" },
      });
    } finally {
      await queues.close();
      connection.disconnect();
    }
  });
});

describe("/ready and the database", () => {
  it("503 while the database is unreachable (a closed port), at once, naming it", async () => {
    const harness = await startApi();
    const unreachable = createDb({ url: "postgresql://postgres@127.0.0.1:1/postgres", log: [] });
    try {
      const started = Date.now();
      const response = await createApp({
        db: unreachable,
        config: harness.config,
        mailer: harness.mailer,
        ai: harness.ai,
      }).request("/ready");
      expect(Date.now() - started).toBeLessThan(2_500);
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
      // Liveness is about the process, not its dependencies.
      expect(
        (
          await createApp({ db: unreachable, config: harness.config, mailer: harness.mailer, ai: harness.ai }).request(
            "/health",
          )
        ).status,
      ).toBe(200);
    } finally {
      await unreachable.$disconnect();
      await harness.close();
    }
  });

  it("503 within its bound when the database accepts connections and never answers", async () => {
    const net = await import("node:net");
    const sockets = new Set<import("node:net").Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const harness = await startApi();
    const hung = createDb({
      url: `postgresql://postgres@127.0.0.1:${(silent.address() as import("node:net").AddressInfo).port}/postgres`,
      log: [],
    });
    try {
      const started = Date.now();
      const response = await createApp({
        db: hung,
        config: harness.config,
        mailer: harness.mailer,
        ai: harness.ai,
      }).request("/ready");
      expect(Date.now() - started).toBeLessThan(7_000);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ failing: ["database", "migrations"], database: "unreachable" });
    } finally {
      for (const socket of sockets) socket.destroy();
      await hung.$disconnect().catch(() => undefined);
      await harness.close();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

for (const target of testTargets()) {
  describe(`/ready and migrations on ${target.name}`, () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await startApi({}, {}, target);
    });
    afterAll(async () => {
      await harness?.close();
    });

    it("503 naming a migration the database has not applied (its history row removed), ready again once it is back", async () => {
      const history = migrationHistory(harness.database.url);
      const { name, restore } = await history.forget();
      let failedAttempt: { remove: () => Promise<void> } | undefined;
      try {
        expect(await ready(harness)).toEqual({
          status: 503,
          body: {
            status: "not_ready",
            failing: ["migrations"],
            database: "ok",
            migrations: "pending",
            pendingMigrations: [name],
            redis: "off",
            queues: "off",
            workers: null,
          },
        });
        // A failed attempt (`migrate deploy` stopped half-way): failed, and still not ready.
        failedAttempt = await history.record(name, { finished: false });
        expect(await ready(harness)).toMatchObject({
          status: 503,
          body: { failing: ["migrations"], migrations: "failed", failedMigrations: [name] },
        });
      } finally {
        await failedAttempt?.remove();
        await restore();
      }
      expect(await ready(harness)).toMatchObject({ status: 200, body: { status: "ready", migrations: "ok" } });
    });

    it("503 naming a migration shipped in a new folder, until it is applied", async () => {
      const dir = await mkdtemp(path.join(tmpdir(), "cto-migrations-"));
      let applied: { remove: () => Promise<void> } | undefined;
      try {
        await cp(migrationsDir, dir, { recursive: true });
        await mkdir(path.join(dir, "29991231235959_readiness_probe"));
        await writeFile(path.join(dir, "29991231235959_readiness_probe", "migration.sql"), "SELECT 1;\n");
        expect(await ready(harness, { migrationsDir: dir })).toMatchObject({
          status: 503,
          body: { failing: ["migrations"], pendingMigrations: ["29991231235959_readiness_probe"] },
        });
        // Applied as `migrate deploy` records it: ready.
        applied = await migrationHistory(harness.database.url).record("29991231235959_readiness_probe", {
          finished: true,
        });
        expect(await ready(harness, { migrationsDir: dir })).toMatchObject({ status: 200, body: { migrations: "ok" } });
        // …and an older release of the API, which does not ship that folder, is still ready on this database.
        expect(await ready(harness)).toMatchObject({ status: 200, body: { migrations: "ok" } });
      } finally {
        await applied?.remove();
        await rm(dir, { recursive: true, force: true });
      }
    });

    it("503 on a database never migrated, and when the migration folders are missing", async () => {
      const empty = await target.createEmpty();
      const emptyDb = createDb({ url: empty.url, log: [], role: null });
      try {
        const response = await createApp({
          db: emptyDb,
          config: harness.config,
          mailer: harness.mailer,
          ai: harness.ai,
        }).request("/ready");
        expect(response.status).toBe(503);
        const body = (await response.json()) as { failing: string[]; pendingMigrations: string[] };
        expect(body.failing).toEqual(["migrations"]);
        expect(body.pendingMigrations.length).toBeGreaterThan(5);
      } finally {
        await emptyDb.$disconnect();
        await empty.drop();
      }
      expect(await ready(harness, { migrationsDir: null })).toMatchObject({
        status: 503,
        body: { failing: ["migrations"], database: "ok", migrations: "unknown" },
      });
    });
  });
}
