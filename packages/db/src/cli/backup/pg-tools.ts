import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import pg from "pg";

/** A backup or restore that cannot go ahead, with a message that says what to do; the CLIs print it and exit 1. */
export class BackupError extends Error {
  override name = "BackupError";
}

// libpq refuses connection URIs with parameters it does not know (`?schema=public`, `connection_limit`,
// which Prisma-style URLs carry), so only these reach pg_dump and pg_restore.
const LIBPQ_PARAMETERS = new Set([
  "host",
  "hostaddr",
  "port",
  "dbname",
  "user",
  "application_name",
  "connect_timeout",
  "options",
  "sslmode",
  "sslcert",
  "sslkey",
  "sslrootcert",
  "sslcrl",
  "sslpassword",
  "sslcompression",
  "target_session_attrs",
  "gssencmode",
  "krbsrvname",
  "service",
]);

/** What a libpq tool gets for `url`: a URI without the password (it would show in `ps`), which goes in PGPASSWORD instead. */
export const libpqConnection = (url: string): { dbname: string; env: NodeJS.ProcessEnv } => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BackupError(`Not a PostgreSQL URL: ${JSON.stringify(url.replace(/:[^:@/]*@/, ":…@"))}`);
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol))
    throw new BackupError(`Not a PostgreSQL URL (postgresql://…): ${parsed.protocol}//${parsed.host}`);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  for (const key of [...parsed.searchParams.keys()]) if (!LIBPQ_PARAMETERS.has(key)) parsed.searchParams.delete(key);
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
};

/** `url` with another database name (same server, same credentials). */
export const withDatabaseName = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
};

export const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";

/** Opens a client, runs `work`, closes it; a connection failure becomes a BackupError naming the server. */
export const withClient = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    const { host, pathname } = new URL(url);
    throw new BackupError(`Cannot connect to ${host}${pathname}: ${(error as Error).message}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
};

export type TServerInfo = { major: number; version: string; embedded: boolean };

export const serverInfo = async (client: pg.Client): Promise<TServerInfo> => {
  const { rows } = await client.query<{ num: string; version: string }>(
    "SELECT current_setting('server_version_num') AS num, version() AS version",
  );
  const version = rows[0]!.version;
  return { major: Math.floor(Number(rows[0]!.num) / 10_000), version, embedded: isEmbeddedVersion(version) };
};

/**
 * Whether `version()` is the embedded database's: "PostgreSQL 18.6 (PGlite 0.5.14) on wasm32-unknown-emscripten…".
 * pg_dump cannot read it and pg_restore cannot load into it (COPY FROM STDIN is refused there).
 */
export const isEmbeddedVersion = (version: string) => /\bPGlite\b|emscripten/i.test(version);

export type TCommandResult = { code: number; stdout: string; stderr: string };

/** Runs a tool to its end, collecting its output (stderr is also where pg_dump and pg_restore explain failures). */
export const runTool = (command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<TCommandResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new BackupError(
              `${command} was not found. Install PostgreSQL's client tools (Debian/Ubuntu: apt-get install postgresql-client), or set PG_BIN_DIR to the folder holding pg_dump and pg_restore.`,
            )
          : error,
      ),
    );
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), stdout, stderr }));
  });

/**
 * The pg_dump or pg_restore to use with a server of major `serverMajor`: `PG_BIN_DIR`'s when set, else
 * Debian's versioned copy for that major when installed, else the one on PATH. It must be at least the
 * server's version: pg_dump refuses a newer server, and an older pg_restore cannot read a newer dump.
 */
export const findTool = async (
  tool: "pg_dump" | "pg_restore",
  serverMajor: number,
  binDir = process.env.PG_BIN_DIR,
): Promise<{ path: string; major: number }> => {
  const debian = `/usr/lib/postgresql/${serverMajor}/bin/${tool}`;
  const command = binDir ? path.join(binDir, tool) : existsSync(debian) ? debian : tool;
  const { code, stdout, stderr } = await runTool(command, ["--version"]);
  const major = Number(/\b(\d+)(?:\.\d+)*\s*(?:\(|$)/m.exec(stdout.trim())?.[1] ?? Number.NaN);
  if (code !== 0 || !Number.isFinite(major))
    throw new BackupError(`${command} --version failed: ${(stderr || stdout).trim()}`);
  if (major < serverMajor)
    throw new BackupError(
      `${command} is version ${major}, older than the PostgreSQL ${serverMajor} server. Install the client tools of version ${serverMajor} or newer (Debian/Ubuntu: apt-get install postgresql-client-${serverMajor}), or set PG_BIN_DIR.`,
    );
  return { path: command, major };
};

/** Every table holding rows (partitions included, partitioned parents not: their rows are their partitions'), outside the system schemas. */
export const TABLES_SQL = `
  SELECT n.nspname AS schema, c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
   ORDER BY 1, 2`;

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Row counts of every table, keyed `schema.table`, read in the client's current transaction or snapshot. */
export const countRows = async (client: pg.Client): Promise<Record<string, number>> => {
  const { rows: tables } = await client.query<{ schema: string; name: string }>(TABLES_SQL);
  const counts: Record<string, number> = {};
  for (const { schema, name } of tables) {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${quoteIdent(schema)}.${quoteIdent(name)}`,
    );
    counts[`${schema}.${name}`] = Number(rows[0]!.n);
  }
  return counts;
};
