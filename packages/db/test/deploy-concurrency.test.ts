// Two `migrate deploy` at once must end with one applied history, on both targets. Prisma's engine
// serialises deploys with a session-level advisory lock (72707369); on the embedded database that
// lock is per connection only because its server keeps advisory locks itself.
import { readdirSync } from "node:fs";
import path from "node:path";

import pg from "pg";
import { describe, expect, it, vi } from "vitest";

import { runPrisma, testTargets, type TestDatabase } from "../src/testing/index.ts";

const PRISMA_MIGRATE_LOCK = 72_707_369;
const migrationsDir = path.join(import.meta.dirname, "..", "..", "..", "prisma", "migrations");
const migrations = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Connections waiting for Prisma's lock: PostgreSQL's pg_locks, or the embedded server's own lock table. */
const waitingForLock = async (database: TestDatabase, client: pg.Client) => {
  if (database.embeddedStats) return database.embeddedStats().locks.waiting;
  const { rows } = await client.query(
    "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted",
    [PRISMA_MIGRATE_LOCK],
  );
  return rows[0].n as number;
};

describe.each(testTargets())("two migrate deploy at once on $name", (target) => {
  it("wait for the one holding the migration lock and leave one applied history", { timeout: 900_000 }, async () => {
    const database = await target.createEmpty();
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      // Holding Prisma's lock first makes both deploys wait for it, then for each other.
      await holder.query(`SELECT pg_advisory_lock(${PRISMA_MIGRATE_LOCK})`);
      const deploys = [1, 2].map(() =>
        runPrisma(["migrate", "deploy"], { databaseUrl: database.url, timeoutMs: 600_000 }),
      );
      await vi.waitFor(async () => expect(await waitingForLock(database, holder)).toBe(2), {
        timeout: 300_000,
        interval: 500,
      });
      const { rows: before } = await holder.query(
        "SELECT to_regclass('public._prisma_migrations') IS NULL AS untouched",
      );
      expect(before[0].untouched).toBe(true);
      await holder.query(`SELECT pg_advisory_unlock(${PRISMA_MIGRATE_LOCK})`);

      for (const result of await Promise.all(deploys))
        expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
      const { rows } = await holder.query(
        `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NULL AS kept
           FROM _prisma_migrations ORDER BY migration_name`,
      );
      expect(rows.map((row) => row.migration_name)).toEqual(migrations);
      expect(rows.every((row) => row.finished && row.kept)).toBe(true);
      const status = await runPrisma(["migrate", "status"], { databaseUrl: database.url });
      expect(status.code, status.stderr).toBe(0);
      expect(status.stdout).toContain("Database schema is up to date");
    } finally {
      await holder.end();
      await database.drop();
    }
  });
});
