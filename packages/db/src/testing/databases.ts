import { randomBytes } from "node:crypto";

import pg from "pg";

import { startEmbeddedDatabase, type EmbeddedDatabase } from "../embedded/server.ts";
import { migratedEmbeddedTemplate } from "./embedded-template.ts";
import { runPrisma } from "./run-prisma.ts";

export type TestDatabase = {
  target: "postgres" | "embedded";
  /** The database's name on its server. */
  name: string;
  url: string;
  /** Where `migrate dev` may build its shadow database (embedded only; PostgreSQL makes its own). */
  shadowDatabaseUrl?: string | undefined;
  /** The embedded server's connections, session queue and advisory locks (embedded only). */
  embeddedStats?: EmbeddedDatabase["stats"];
  drop: () => Promise<void>;
};

const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/**
 * One statement on a connection of its own, as the URL's user: for a test database that is its owner,
 * who may do what the app's role may not (write the migration history, say).
 */
export const queryOnce = async <TRow extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<TRow>(sql, values);
  } finally {
    await client.end();
  }
};

/** Whether a PostgreSQL server answers at `adminUrl` and has pgvector; the reason when not. */
export const probePostgres = async (adminUrl: string): Promise<{ ok: true } | { ok: false; reason: string }> => {
  try {
    const { rows } = await queryOnce(adminUrl, "SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
    return rows.length
      ? { ok: true }
      : {
          ok: false,
          reason: `pgvector is not installed on ${new URL(adminUrl).host} (run tooling/scripts/ensure-pgvector.sh)`,
        };
  } catch (error) {
    return { ok: false, reason: `no PostgreSQL at ${new URL(adminUrl).host}: ${(error as Error).message}` };
  }
};

const assertMigrated = (result: { code: number; stdout: string; stderr: string }) => {
  if (result.code !== 0) throw new Error(`migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
};

/**
 * A new, empty database on a real PostgreSQL server: from `template` (a migrated database, so
 * every test does not replay migrations) or migrated with `migrate deploy` when `migrate` is set.
 */
export const createPostgresTestDatabase = async (
  adminUrl: string,
  { template, migrate = false }: { template?: string; migrate?: boolean } = {},
): Promise<TestDatabase> => {
  const name = `cto_test_${randomBytes(6).toString("hex")}`;
  await queryOnce(adminUrl, `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  const url = withDatabase(adminUrl, name);
  if (migrate) assertMigrated(await runPrisma(["migrate", "deploy"], { databaseUrl: url }));
  return {
    target: "postgres",
    name,
    url,
    drop: () => queryOnce(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined),
  };
};

/**
 * An in-memory embedded database (PGlite + pgvector) on free ports; with `migrate`, loaded from the migrated
 * template (see embedded-template.ts), which `migrate deploy` built once for these migrations.
 */
export const createEmbeddedTestDatabase = async ({
  migrate = false,
}: {
  migrate?: boolean;
} = {}): Promise<TestDatabase> => {
  const embedded = await startEmbeddedDatabase({
    dataDir: "memory://",
    port: 0,
    // A migrated test database is only queried: no shadow database for `migrate dev`, half the start-up.
    shadowPort: migrate ? null : 0,
    ...(migrate ? { loadDataDir: await migratedEmbeddedTemplate() } : {}),
  });
  return {
    target: "embedded",
    name: "postgres",
    url: embedded.url,
    shadowDatabaseUrl: embedded.shadowDatabaseUrl,
    embeddedStats: embedded.stats,
    drop: embedded.stop,
  };
};
