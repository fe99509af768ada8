import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient, type Prisma } from "./generated/prisma/client.ts";
import { malformedIdsExtension } from "./malformed-ids.ts";
import { softDeleteExtension } from "./soft-delete.ts";

export type CreateDbOptions = {
  /** PostgreSQL connection string; defaults to DATABASE_URL. */
  url?: string;
  /** Prisma log levels; by default errors only under NODE_ENV=test, else warnings and errors (queries too with DB_LOG_QUERIES=true). */
  log?: Prisma.LogLevel[];
  /** Most connections the pool opens. */
  maxConnections?: number;
};

// Queries are opt-in: logged by default they buried `npm start`'s own output under the worker's
// periodic jobs (hundreds of lines a minute).
export const logLevelsFor = (env: { NODE_ENV?: string; DB_LOG_QUERIES?: string } = process.env): Prisma.LogLevel[] => {
  if (env.NODE_ENV === "test") return ["error"];
  return env.DB_LOG_QUERIES === "true" ? ["query", "warn", "error"] : ["warn", "error"];
};

/**
 * A Prisma Client on @prisma/adapter-pg (no native engine) with the soft-delete guard (trashed rows
 * stay out of reads, nested ones too) and malformed ids matching nothing instead of failing.
 */
export const createDb = ({ url = process.env.DATABASE_URL, log, maxConnections }: CreateDbOptions = {}) => {
  if (!url) throw new Error("DATABASE_URL is not set: point it at PostgreSQL, or start Cto with `npm start` for the embedded database.");
  // Sessions run in UTC so that timestamps without an offset (raw query parameters) mean what they say.
  const adapter = new PrismaPg({ connectionString: url, options: "-c TimeZone=UTC", ...(maxConnections ? { max: maxConnections } : {}) });
  return new PrismaClient({ adapter, log: log ?? logLevelsFor() }).$extends(softDeleteExtension).$extends(malformedIdsExtension);
};

export type Db = ReturnType<typeof createDb>;
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

export { Prisma, PrismaClient } from "./generated/prisma/client.ts";
export type * from "./generated/prisma/client.ts";
