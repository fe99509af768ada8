import { access, readFile } from "node:fs/promises";

import { APP_ROLE } from "../../client.ts";
import { lastMigration, manifestPath, type TBackupManifest } from "./backup.ts";
import {
  BackupError,
  countRows,
  databaseName,
  findTool,
  libpqConnection,
  quoteIdent,
  runTool,
  serverInfo,
  TABLES_SQL,
  withClient,
  withDatabaseName,
} from "./pg-tools.ts";

const readManifest = async (file: string): Promise<TBackupManifest | null> => {
  let text: string;
  try {
    text = await readFile(manifestPath(file), "utf8");
  } catch {
    return null;
  }
  const manifest = JSON.parse(text) as TBackupManifest;
  if (manifest.format !== "cto-backup/1")
    throw new BackupError(
      `${manifestPath(file)} is not a Cto backup manifest (format ${JSON.stringify(manifest.format)}).`,
    );
  return manifest;
};

/** Tables whose rows differ from the manifest's, as `table: expected → restored` lines. */
export const compareCounts = (expected: Record<string, number>, actual: Record<string, number>) =>
  [...new Set([...Object.keys(expected), ...Object.keys(actual)])]
    .sort()
    .filter((table) => expected[table] !== actual[table])
    .map((table) => `${table}: ${expected[table] ?? "absent"} in the backup, ${actual[table] ?? "absent"} restored`);

/**
 * Loads a `db:backup` dump into a new (or empty) database on PostgreSQL, creating it when missing:
 * `pg_restore --no-owner` in one transaction (all or nothing; `jobs` > 1 restores in parallel instead),
 * then ANALYZE, then every table's rows compared with the backup's manifest. The objects belong to the
 * restoring login, and the app's role gets its grants back, so DATABASE_URL can point at it as before.
 */
export const restoreDatabase = async ({
  file,
  targetUrl,
  binDir,
  jobs = 1,
  env = {},
}: {
  file: string;
  targetUrl: string;
  binDir?: string | undefined;
  jobs?: number;
  env?: NodeJS.ProcessEnv;
}) => {
  await access(file).catch(() => {
    throw new BackupError(`No backup at ${file}.`);
  });
  const manifest = await readManifest(file);
  const target = databaseName(targetUrl);
  const connection = libpqConnection(targetUrl);

  const { pgRestore, created } = await withClient(withDatabaseName(targetUrl, "postgres"), async (admin) => {
    const server = await serverInfo(admin);
    if (server.embedded)
      throw new BackupError(
        "The embedded database (PGlite) cannot load a dump; restore into PostgreSQL and point DATABASE_URL at it.",
      );
    const tool = await findTool("pg_restore", server.major, binDir);
    const { rows: vector } = await admin.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
    if (!vector.length)
      throw new BackupError(
        `pgvector is not installed on ${new URL(targetUrl).host}; the backup's vector columns need it (Debian: tooling/scripts/ensure-pgvector.sh).`,
      );
    const { rows: role } = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    if (!role.length)
      await admin.query(`CREATE ROLE ${APP_ROLE} NOLOGIN`).catch((error: Error) => {
        throw new BackupError(
          `The role ${APP_ROLE} is missing and could not be created (${error.message}); create it as an administrator (CREATE ROLE ${APP_ROLE} NOLOGIN) and run the restore again.`,
        );
      });
    const { rows: exists } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [target]);
    if (!exists.length)
      await admin.query(`CREATE DATABASE ${quoteIdent(target)}`).catch((error: Error) => {
        throw new BackupError(`Cannot create the database ${target}: ${error.message}`);
      });
    return { pgRestore: tool, created: !exists.length };
  });

  const dropCreated = async () => {
    if (created)
      await withClient(withDatabaseName(targetUrl, "postgres"), (admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(target)} WITH (FORCE)`),
      ).catch(() => undefined);
  };
  try {
    if (!created) {
      const { rows } = await withClient(targetUrl, (client) =>
        client.query<{ schema: string; name: string }>(TABLES_SQL),
      );
      if (rows.length)
        throw new BackupError(
          `The database ${target} already has ${rows.length} tables (${rows
            .slice(0, 3)
            .map((row) => `${row.schema}.${row.name}`)
            .join(", ")}…). Restore into a new or empty database: name another, or drop this one first.`,
        );
    }
    const list = await runTool(pgRestore.path, ["--list", file], env);
    if (list.code !== 0)
      throw new BackupError(
        `${file} is not a dump pg_restore can read (make it with db:backup, pg_dump --format=custom): ${list.stderr.trim()}`,
      );
    const mode = jobs > 1 ? [`--jobs=${jobs}`] : ["--single-transaction"];
    const restore = await runTool(
      pgRestore.path,
      ["--exit-on-error", "--no-owner", ...mode, `--dbname=${connection.dbname}`, file],
      { ...env, ...connection.env },
    );
    if (restore.code !== 0) throw new BackupError(`pg_restore failed (exit ${restore.code}): ${restore.stderr.trim()}`);
  } catch (error) {
    await dropCreated();
    throw error;
  }

  return withClient(targetUrl, async (client) => {
    // pg_restore brings no planner statistics; without them the first queries (vector search's choice of
    // index or exact scan among them) are planned blind.
    await client.query("ANALYZE");
    const rows = await countRows(client);
    const mismatches = manifest ? compareCounts(manifest.rows, rows) : [];
    if (mismatches.length)
      throw new BackupError(`The restored database differs from the backup's manifest:\n  ${mismatches.join("\n  ")}`);
    return { database: target, created, rows, manifest, lastMigration: await lastMigration(client) };
  });
};
