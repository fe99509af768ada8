import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

import type pg from "pg";

import {
  BackupError,
  countRows,
  databaseName,
  findTool,
  libpqConnection,
  runTool,
  serverInfo,
  withClient,
} from "./pg-tools.ts";

/** Written next to each dump (`<file>.json`): what it holds, so a restore can check it got all of it. */
export type TBackupManifest = {
  format: "cto-backup/1";
  createdAt: string;
  database: string;
  server: string;
  pgDump: string;
  /** The last applied migration, so a restore says which schema it brings back. */
  lastMigration: string | null;
  /** Every table's rows in the dump's own snapshot, keyed `schema.table`. */
  rows: Record<string, number>;
};

/** The newest applied migration, or null in a database Prisma never migrated (a failed query would end the snapshot's transaction). */
export const lastMigration = async (client: pg.Client) => {
  const { rows: present } = await client.query<{ ok: boolean }>(
    "SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS ok",
  );
  if (!present[0]?.ok) return null;
  const { rows } = await client.query<{ name: string | null }>(
    "SELECT max(migration_name) AS name FROM public._prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
  );
  return rows[0]?.name ?? null;
};

export const manifestPath = (file: string) => `${file}.json`;

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");

export const defaultBackupFile = (dir: string, url: string, now = new Date()) =>
  path.join(dir, `cto-${databaseName(url)}-${stamp(now)}.dump`);

/**
 * `pg_dump -Fc` of the whole database, the vector columns and HNSW index definitions included (pgvector
 * types dump as text and load back exactly). The row counts come from the same snapshot the dump reads
 * (`pg_export_snapshot` in a repeatable-read transaction held open while pg_dump runs with `--snapshot`),
 * so they describe exactly the dump even while the app keeps writing.
 */
export const backupDatabase = async ({
  url,
  file,
  binDir,
  env = {},
}: {
  url: string;
  file: string;
  binDir?: string | undefined;
  env?: NodeJS.ProcessEnv;
}) => {
  const connection = libpqConnection(url);
  return withClient(url, async (client) => {
    const server = await serverInfo(client);
    if (server.embedded)
      throw new BackupError(
        "This is the embedded database (PGlite), which pg_dump cannot read. Back it up by copying its data folder (.data/pglite) while Cto is stopped, or run Cto on PostgreSQL (DATABASE_URL) to use db:backup.",
      );
    const pgDump = await findTool("pg_dump", server.major, binDir);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const { rows } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
      const counts = await countRows(client);
      const migrations = await lastMigration(client);
      await mkdir(path.dirname(path.resolve(file)), { recursive: true });
      const dump = await runTool(
        pgDump.path,
        ["--format=custom", `--snapshot=${rows[0]!.snapshot}`, `--file=${file}`, `--dbname=${connection.dbname}`],
        { ...env, ...connection.env },
      );
      if (dump.code !== 0) {
        await rm(file, { force: true });
        throw new BackupError(`pg_dump failed (exit ${dump.code}): ${dump.stderr.trim()}`);
      }
      const manifest: TBackupManifest = {
        format: "cto-backup/1",
        createdAt: new Date().toISOString(),
        database: databaseName(url),
        server: server.version,
        pgDump: String(pgDump.major),
        lastMigration: migrations,
        rows: counts,
      };
      await writeFile(manifestPath(file), `${JSON.stringify(manifest, null, 2)}\n`);
      return { file, bytes: (await stat(file)).size, manifest };
    } finally {
      await client.query("COMMIT").catch(() => undefined);
    }
  });
};
