import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient, type Prisma } from "./generated/prisma/client.ts";
import { malformedIdsExtension } from "./malformed-ids.ts";
import { watchPool, type TPoolStats } from "./pool.ts";
import { softDeleteExtension } from "./soft-delete.ts";

export type CreateDbOptions = {
  /** PostgreSQL connection string; defaults to DATABASE_URL. */
  url?: string;
  /** Prisma log levels; by default errors only under NODE_ENV=test, else warnings and errors (queries too with DB_LOG_QUERIES=true). */
  log?: Prisma.LogLevel[];
  /** Most connections the pool opens. */
  maxConnections?: number;
  /**
   * The role every session switches to at connect (`-c role=…`): by default DATABASE_ROLE, or APP_ROLE
   * when that is unset. `null` (or DATABASE_ROLE="") keeps the connecting user's own rights, for tools
   * that change the schema or read other sessions' statistics.
   */
  role?: string | null;
};

/** The least-privileged role the migrations create, which the app runs as (packages/db/README.md, "Roles"). */
export const APP_ROLE = "cto_app";

/** The role `createDb` switches to when none is given: DATABASE_ROLE, APP_ROLE when unset, none when empty. */
// biome-ignore lint/style/noProcessEnv: a library default for tools without an env.ts (seed, CLIs); the apps pass their env
export const defaultRole = (env: { DATABASE_ROLE?: string } = process.env): string | null => {
  if (env.DATABASE_ROLE === undefined) return APP_ROLE;
  return env.DATABASE_ROLE.trim() || null;
};

/** Each client's pool, for `poolStats`. */
const pools = new WeakMap<object, () => TPoolStats | null>();

const ROLE_NAME = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

// Queries are opt-in: logged by default they buried `npm start`'s own output under the worker's
// periodic jobs (hundreds of lines a minute).
// biome-ignore lint/style/noProcessEnv: a library default for tools without an env.ts (seed, CLIs); the apps pass their env
export const logLevelsFor = (env: { NODE_ENV?: string; DB_LOG_QUERIES?: string } = process.env): Prisma.LogLevel[] => {
  if (env.NODE_ENV === "test") return ["error"];
  return env.DB_LOG_QUERIES === "true" ? ["query", "warn", "error"] : ["warn", "error"];
};

/**
 * A Prisma Client on @prisma/adapter-pg (no native engine), running as the app's role, with the
 * soft-delete guard (trashed rows stay out of reads, nested ones too) and malformed ids matching
 * nothing instead of failing.
 */
// biome-ignore lint/style/noProcessEnv: a library default for tools without an env.ts (seed, CLIs); the apps pass their env
export const createDb = ({ url = process.env.DATABASE_URL, log, maxConnections, role = defaultRole() }: CreateDbOptions = {}) => {
  if (!url) throw new Error("DATABASE_URL is not set: point it at PostgreSQL, or start Cto with `npm start` for the embedded database.");
  if (role !== null && !ROLE_NAME.test(role)) throw new Error(`DATABASE_ROLE must be a plain role name (letters, digits, _ and $), not ${JSON.stringify(role)}.`);
  // Sessions run in UTC so that timestamps without an offset (raw query parameters) mean what they say,
  // and as the app's role, so that nothing the app runs can alter the schema or the audit log.
  const options = `-c TimeZone=UTC${role ? ` -c role=${role}` : ""}`;
  const adapter = new PrismaPg({ connectionString: url, options, ...(maxConnections ? { max: maxConnections } : {}) });
  const pool = watchPool(adapter);
  const db = new PrismaClient({ adapter: pool.factory, log: log ?? logLevelsFor() }).$extends(softDeleteExtension).$extends(malformedIdsExtension);
  pools.set(db, pool.stats);
  return db;
};

export type Db = ReturnType<typeof createDb>;

/**
 * The connection pool of a client `createDb` made (for metrics): null before its first query, and
 * for a client it did not make (a further `$extends` is a new object).
 */
export const poolStats = (db: object): TPoolStats | null => pools.get(db)?.() ?? null;

/** The client as seen inside `db.$transaction(async (tx) => …)`. */
export type DbTransaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** Either the client or a transaction, for helpers that work in both. */
export type DbExecutor = Db | DbTransaction;

const globalForDb = globalThis as unknown as { ctoDb?: Db };

/**
 * One client per process (the seeds' singleton): hot reloads and repeated imports reuse it
 * instead of opening a new pool each time. Created on first use, so importing this module
 * never needs a database.
 */
export const getDb = (): Db => (globalForDb.ctoDb ??= createDb());

/** Closes the process-wide client, if one was created. */
export const disconnectDb = async () => {
  await globalForDb.ctoDb?.$disconnect();
  globalForDb.ctoDb = undefined;
};

export { findMigrationsDir, migrationStatus, type TMigrationStatus } from "./migrations.ts";
export type { TPoolStats } from "./pool.ts";
export { Prisma, PrismaClient } from "./generated/prisma/client.ts";
export type * from "./generated/prisma/client.ts";
