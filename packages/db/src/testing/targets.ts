import { inject } from "vitest";

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
