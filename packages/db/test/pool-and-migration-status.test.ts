// poolStats (the pg pool behind a client) and migrationStatus (the applied history against the shipped
// migration folders), on both targets: what the API and the worker report in /metrics and /ready.
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDb, findMigrationsDir, migrationStatus, poolStats, type Db } from "../src/client.ts";
import { shippedMigrations } from "../src/migrations.ts";
import { migrationHistory, testTargets, useMigratedDatabase, type TestDatabase } from "../src/testing/index.ts";

const migrationsDir = findMigrationsDir()!;

describe("findMigrationsDir / shippedMigrations", () => {
  it("finds the repository's migration folders from the source, each with its migration.sql, in order", () => {
    expect(migrationsDir).toBe(path.resolve(import.meta.dirname, "..", "..", "..", "prisma", "migrations"));
    const names = shippedMigrations(migrationsDir);
    expect(names.length).toBeGreaterThan(5);
    expect(names).toEqual([...names].sort());
    expect(names.every((name) => /^\d{14}_\w+$/.test(name))).toBe(true);
  });

  it("finds the published layout (dist/prisma/migrations beside the built file), and nothing where there is none", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "cto-migrations-"));
    try {
      await mkdir(path.join(root, "dist", "prisma", "migrations", "20260101000000_init"), { recursive: true });
      await writeFile(
        path.join(root, "dist", "prisma", "migrations", "migration_lock.toml"),
        'provider = "postgresql"\n',
      );
      expect(findMigrationsDir(path.join(root, "dist"))).toBe(path.join(root, "dist", "prisma", "migrations"));
      expect(findMigrationsDir(root)).toBeNull();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

for (const target of testTargets()) {
  describe(`poolStats on ${target.name}`, () => {
    let database: TestDatabase;
    let db: Db;
    beforeAll(async () => {
      database = await target.createMigrated();
      db = createDb({ url: database.url, maxConnections: 2 });
    });
    afterAll(async () => {
      await db?.$disconnect();
      await database?.drop();
    });

    it("is null before the first query and for a client createDb did not make", async () => {
      expect(poolStats(db)).toBeNull();
      expect(poolStats(db.$extends({}))).toBeNull();
      expect(poolStats({})).toBeNull();
    });

    it("counts open, idle and waiting connections, within the pool's maximum", async () => {
      await db.$queryRaw`SELECT 1`;
      expect(poolStats(db)).toMatchObject({ max: 2, waiting: 0 });
      expect(poolStats(db)!.total).toBeGreaterThanOrEqual(1);
      const seen: Array<{ total: number; idle: number; waiting: number }> = [];
      // Prisma's queries are lazy: Promise.all starts them.
      const sleepers = Promise.all(Array.from({ length: 5 }, () => db.$queryRaw`SELECT 1 AS slept FROM pg_sleep(0.3)`));
      for (let i = 0; i < 20 && seen.every((stats) => stats.waiting === 0); i += 1) {
        seen.push(poolStats(db)!);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await sleepers;
      expect(Math.max(...seen.map((stats) => stats.waiting))).toBeGreaterThanOrEqual(1);
      expect(Math.max(...seen.map((stats) => stats.total))).toBe(2);
      expect(poolStats(db)).toEqual({ total: 2, idle: 2, waiting: 0, max: 2 });
    });
  });

  describe(`migrationStatus on ${target.name}`, () => {
    const handle = useMigratedDatabase(target);
    const names = shippedMigrations(migrationsDir);
    const last = names.at(-1)!;

    it("has nothing pending on a migrated database", async () => {
      expect(await migrationStatus(handle.db)).toEqual({ pending: [], failed: [], unknown: [] });
    });

    it("names a migration shipped in a new folder as pending", async () => {
      const dir = await mkdtemp(path.join(tmpdir(), "cto-migrations-"));
      try {
        await cp(migrationsDir, dir, { recursive: true });
        await mkdir(path.join(dir, "29991231235959_later"));
        await writeFile(path.join(dir, "29991231235959_later", "migration.sql"), "SELECT 1;\n");
        // A folder without migration.sql is not a migration (Prisma's rule).
        await mkdir(path.join(dir, "29991231235960_empty"));
        expect(await migrationStatus(handle.db, { dir })).toEqual({
          pending: ["29991231235959_later"],
          failed: [],
          unknown: [],
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it("names a migration missing from the history as pending, a failed one as failed, a newer one as unknown", async () => {
      const history = migrationHistory(handle.database.url);
      const forgotten = await history.forget(last);
      const attempts: Array<{ remove: () => Promise<void> }> = [];
      try {
        expect(await migrationStatus(handle.db)).toEqual({ pending: [last], failed: [], unknown: [] });
        // A failed attempt: started, never finished, not rolled back (`migrate deploy` refuses to go on).
        attempts.push(await history.record(last, { finished: false }));
        expect(await migrationStatus(handle.db)).toEqual({ pending: [], failed: [last], unknown: [] });
        // Rolled back (`migrate resolve --rolled-back`): pending again.
        await history.rollBack(last);
        expect(await migrationStatus(handle.db)).toEqual({ pending: [last], failed: [], unknown: [] });
        // Applied by a newer release of Cto: nothing this code needs.
        attempts.push(await history.record("29991231235959_later", { finished: true }));
        expect((await migrationStatus(handle.db)).unknown).toEqual(["29991231235959_later"]);
      } finally {
        for (const attempt of attempts) await attempt.remove();
        await forgotten.restore();
      }
      expect(await migrationStatus(handle.db)).toEqual({ pending: [], failed: [], unknown: [] });
    });

    it("has every migration pending on a database that was never migrated", async () => {
      const empty = await target.createEmpty();
      const emptyDb = createDb({ url: empty.url, role: null });
      try {
        expect(await migrationStatus(emptyDb)).toEqual({ pending: names, failed: [], unknown: [] });
      } finally {
        await emptyDb.$disconnect();
        await empty.drop();
      }
    });

    it("throws when the database cannot be asked", async () => {
      const unreachable = createDb({ url: "postgresql://postgres@127.0.0.1:1/postgres", log: [] });
      try {
        await expect(migrationStatus(unreachable)).rejects.toThrow();
      } finally {
        await unreachable.$disconnect();
      }
    });
  });
}
