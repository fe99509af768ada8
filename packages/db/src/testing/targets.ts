import { afterAll, beforeAll, inject } from "vitest";

import { createDb, type Db } from "../client.ts";

import { createEmbeddedTestDatabase, createPostgresTestDatabase, type TestDatabase } from "./databases.ts";

export type PostgresTestServer = { adminUrl: string; template: string } | null;

declare module "vitest" {
  export interface ProvidedContext {
    ctoPostgres: PostgresTestServer;
  }
}

export type TestTarget = {
  name: "postgres" | "embedded";
  /** A new database with every migration applied. */
  createMigrated: () => Promise<TestDatabase>;
  /** A new, empty database. */
  createEmpty: () => Promise<TestDatabase>;
};

/** Both database targets: real PostgreSQL (when the global setup found one) and the embedded PGlite. */
export const testTargets = (): TestTarget[] => {
  const postgres = inject("ctoPostgres");
  const targets: TestTarget[] = [
    { name: "embedded", createMigrated: () => createEmbeddedTestDatabase({ migrate: true }), createEmpty: () => createEmbeddedTestDatabase() },
  ];
  if (postgres) {
    targets.unshift({
      name: "postgres",
      createMigrated: () => createPostgresTestDatabase(postgres.adminUrl, { template: postgres.template }),
      createEmpty: () => createPostgresTestDatabase(postgres.adminUrl),
    });
  }
  return targets;
};

/**
 * A migrated database and a client on it for one describe block: created before its tests,
 * disconnected and dropped after them. Read `db` and `database` inside tests, not at registration.
 */
export const useMigratedDatabase = (target: TestTarget) => {
  const handle = {} as { database: TestDatabase; db: Db };
  beforeAll(async () => {
    handle.database = await target.createMigrated();
    handle.db = createDb({ url: handle.database.url });
  });
  afterAll(async () => {
    await handle.db?.$disconnect();
    await handle.database?.drop();
  });
  return handle;
};
