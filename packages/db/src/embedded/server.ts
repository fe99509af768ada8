import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import pg from "pg";

import { defaultDataDir } from "./paths.ts";
import { servePGlite, type PGliteServer } from "./socket-server.ts";

export type EmbeddedDatabaseOptions = {
  /** Folder for the database files; `memory://` keeps everything in memory. Default: `<data dir>/pglite`. */
  dataDir?: string;
  host?: string;
  /** Port of the main database; 0 picks a free one. Default 54320. */
  port?: number;
  /**
   * Port of the shadow database `prisma migrate dev` needs; 0 picks a free one. Default port + 1. `null`: no
   * shadow database (a second PGlite, which doubles the start-up time; tests that only query skip it).
   */
  shadowPort?: number | null;
  /** Open connections at most per database (default 100); more are refused, as by PostgreSQL. */
  maxConnections?: number;
  /**
   * How long a connection may hold the session without sending anything (idle in a transaction)
   * while other connections wait for it, before it is terminated (SQLSTATE 25P03). Default 30 s; 0: no limit.
   */
  idleInTransactionTimeoutMs?: number;
  /** Where the server reports what went wrong outside any one query (default: stderr). */
  log?: (message: string) => void;
  /**
   * A data folder dumped by PGlite (`dumpDataDir`) to start from instead of an empty one, for an in-memory
   * database: tests start from a migrated copy instead of replaying every migration.
   */
  loadDataDir?: Blob;
};

export type EmbeddedDatabase = {
  url: string;
  shadowDatabaseUrl: string | undefined;
  /** The main server's connections, session queue and advisory locks, for tests and diagnostics. */
  stats: () => ReturnType<PGliteServer["stats"]>;
  stop: () => Promise<void>;
  /** The database's files as one uncompressed tarball, for `loadDataDir` (nothing may be running on it). */
  dumpDataDir: () => Promise<Blob>;
};

type ServerInfo = { pid: number; url: string; shadowDatabaseUrl: string | undefined };

export const DEFAULT_EMBEDDED_PORT = 54_320;

const urlFor = (host: string, port: number) =>
  `postgresql://postgres:postgres@${host}:${port}/postgres?sslmode=disable`;

const serve = async (db: PGlite, host: string, port: number, options: EmbeddedDatabaseOptions) => {
  const server = await servePGlite({
    db,
    host,
    port,
    maxConnections: options.maxConnections ?? 100,
    idleInTransactionTimeoutMs: options.idleInTransactionTimeoutMs ?? 30_000,
    log: options.log ?? ((message) => console.error(`[embedded database] ${message}`)),
  });
  return { server, url: urlFor(host, server.port) };
};

const infoFile = (dataDir: string) => `${dataDir.replace(/\/+$/, "")}.server.json`;

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const answers = async (url: string) => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
};

/**
 * The embedded database another process of this machine is already serving from `dataDir`, if any.
 * PGlite must never open one data folder twice, so every command asks this first.
 */
export const findRunningEmbeddedDatabase = async (dataDir = path.join(defaultDataDir(), "pglite")) => {
  try {
    const info = JSON.parse(await readFile(infoFile(dataDir), "utf8")) as ServerInfo;
    if (isAlive(info.pid) && (await answers(info.url))) return info;
  } catch {
    // No info file, or a stale one: nothing is running.
  }
  return undefined;
};

/**
 * PostgreSQL 18 with pgvector, in this process (PGlite), served over the wire protocol on
 * localhost so that the Prisma CLI, the Prisma Client and psql use it like a real server.
 * A second, in-memory server is the shadow database: PGlite serves every connection from
 * its one database, so `CREATE DATABASE` cannot make a separate shadow.
 */
export const startEmbeddedDatabase = async (options: EmbeddedDatabaseOptions = {}): Promise<EmbeddedDatabase> => {
  const dataDir = options.dataDir ?? path.join(defaultDataDir(), "pglite");
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? DEFAULT_EMBEDDED_PORT;
  const persistent = !dataDir.startsWith("memory://");
  if (persistent && options.loadDataDir)
    throw new Error("loadDataDir starts an in-memory database (memory://); a data folder keeps its own files.");

  if (persistent) {
    const running = await findRunningEmbeddedDatabase(dataDir);
    if (running)
      throw new Error(
        `The embedded database in ${dataDir} is already served by process ${running.pid} at ${running.url}.`,
      );
    await mkdir(path.dirname(dataDir), { recursive: true });
  }

  const db = await PGlite.create(persistent ? dataDir : "memory://", {
    extensions: { vector },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const shadowDb = options.shadowPort === null ? null : await PGlite.create("memory://", { extensions: { vector } });
  const main = await serve(db, host, port, options);
  const shadow = shadowDb && (await serve(shadowDb, host, options.shadowPort ?? (port === 0 ? 0 : port + 1), options));

  if (persistent) {
    const info: ServerInfo = { pid: process.pid, url: main.url, shadowDatabaseUrl: shadow?.url };
    await writeFile(infoFile(dataDir), JSON.stringify(info, null, 2));
  }

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await Promise.all([main.server.stop(), shadow?.server.stop()]);
      await Promise.all([db.close(), shadowDb?.close()]);
      if (persistent) await rm(infoFile(dataDir), { force: true });
    })());

  return {
    url: main.url,
    shadowDatabaseUrl: shadow?.url,
    stats: () => main.server.stats(),
    stop,
    dumpDataDir: () => db.dumpDataDir("none"),
  };
};
