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
    {
      name: "embedded",
      createMigrated: () => createEmbeddedTestDatabase({ migrate: true }),
      createEmpty: () => createEmbeddedTestDatabase(),
    },
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
 * A migrated database and clients on it for one describe block: created before its tests,
 * disconnected and dropped after them. `db` runs as the app's role (APP_ROLE), as the app does, so
 * tests prove its grants suffice; `owner` keeps the migration user's rights, for what the app may not
 * do (DDL, ANALYZE, other sessions' statistics). Read them inside tests, not at registration.
 */
export const useMigratedDatabase = (target: TestTarget) => {
  const handle = {} as { database: TestDatabase; db: Db; owner: Db };
  beforeAll(async () => {
    handle.database = await target.createMigrated();
    handle.db = createDb({ url: handle.database.url });
    // Prisma connects lazily: a test that never uses the owner opens no connection for it.
    handle.owner = createDb({ url: handle.database.url, role: null });
  });
  afterAll(async () => {
    await handle.db?.$disconnect();
    await handle.owner?.$disconnect();
    await handle.database?.drop();
  });
  return handle;
};
