import { randomBytes } from "node:crypto";

import pg from "pg";

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const adminQuery = async (sql: string) => {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
};

/**
 * A new, empty database on the real PostgreSQL server the other suites use (TEST_DATABASE_URL, else
 * the local one), or the reason there is none. The caller drops it.
 */
export const createScratchDatabase = async (): Promise<
  { url: string; drop: () => Promise<void> } | { reason: string }
> => {
  try {
    const { rows } = await adminQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
    if (!rows.length)
      return { reason: `pgvector is not installed on ${new URL(ADMIN_URL).host} (tooling/scripts/ensure-pgvector.sh)` };
  } catch (error) {
    return { reason: `no PostgreSQL at ${new URL(ADMIN_URL).host}: ${(error as Error).message}` };
  }
  const name = `cto_packages_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => void (await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
};
