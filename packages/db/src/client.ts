import { PrismaPg } from "@prisma/adapter-pg";
import type { Pool } from "pg";

import { PrismaClient, type Prisma } from "./generated/prisma/client.ts";
import { malformedIdsExtension } from "./malformed-ids.ts";
import { watchPool, type TPoolStats } from "./pool.ts";
import { namedStatements, poolRows, UNNAMED } from "./statements.ts";
import { rawTypes } from "./timestamps.ts";
import {
  createReadRouter,
  type TOperation,
  type TReplicaOptions,
  type TReplicaStatus,
  type TRowsOptions,
  type TRowsQuery,
} from "./replicas.ts";
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
  /**
   * Streaming replicas for reads that tolerate lag (`db.$replica()`), with read-your-writes and a
   * fall-back to the primary: see packages/db/README.md, "Read replicas". None: `$replica()` is the primary.
   */
  replicas?: TReplicaOptions | null;
  /**
   * Whether `queryRows` names the statements that ask for it (`{ prepared: true }`), so that each server
   * connection parses and plans such a text once (on by default). Off for a pooler in transaction mode that
   * cannot follow them (PgBouncer before 1.21 without `max_prepared_statements`); left on, such a pooler's
   * first refusal turns them off for the pool.
   */
  preparedStatements?: boolean;
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
/** Each client's pg pool on the primary, connected first when Prisma has not yet, for `rawTransaction`. */
const drivers = new WeakMap<object, () => Promise<Pool>>();
/** Each client's raw reads (`queryRows`): the primary's pool, or for `$replica()` the server the router picks. */
const readers = new WeakMap<object, TRowsQuery>();

/** The pg pool behind `pool`, connecting `client` first when it has not yet (the pool exists once Prisma connects). */
const connectedPool =
  (pool: ReturnType<typeof watchPool>, client: { $connect: () => Promise<void> }) => async (): Promise<Pool> => {
    const ready = pool.driver();
    if (ready) return ready;
    await client.$connect();
    return pool.driver()!;
  };

/** A statement's rows on the pg pool `driver` gives; named when asked unless `preparedStatements` is off (statements.ts). */
const rowsOn = (driver: () => Promise<Pool>, preparedStatements: boolean): TRowsQuery => {
  const naming = namedStatements(preparedStatements);
  return async <R extends object>(text: string, values: unknown[], options?: TRowsOptions) =>
    poolRows<R>(await driver(), options?.prepared ? naming : UNNAMED, text, values);
};

const ROLE_NAME = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

// Queries are opt-in: logged by default they buried `npm start`'s own output under the worker's
// periodic jobs (hundreds of lines a minute). Errors are not Prisma's to print: each is thrown to its caller,
// which reports it in the app's own log format, where Prisma's plain-text copy broke the one-JSON-line format.
// biome-ignore lint/style/noProcessEnv: a library default for tools without an env.ts (seed, CLIs); the apps pass their env
export const logLevelsFor = (env: { NODE_ENV?: string; DB_LOG_QUERIES?: string } = process.env): Prisma.LogLevel[] => {
  if (env.NODE_ENV === "test") return [];
  return env.DB_LOG_QUERIES === "true" ? ["query", "warn"] : ["warn"];
};

const withRules = (client: PrismaClient) => client.$extends(softDeleteExtension).$extends(malformedIdsExtension);
type TRuledClient = ReturnType<typeof withRules>;

/** What `createDb` adds to the Prisma client: the read routing over replicas. */
export type TReadRouting = {
  /**
   * The client for reads that tolerate lag (analytics, search, exports, list pages): a replica that
   * is current enough, else the primary; the primary for a user who wrote in the last seconds
   * (`actingAs`). Writes and transactions through it go to the primary. Without replicas, the client itself.
   */
  $replica: () => Db;
  /** What the router knows of each replica (none without replicas). */
  $replicaStatus: () => TReplicaStatus[];
  /** Checks every replica now and says how each is. */
  $checkReplicas: () => Promise<TReplicaStatus[]>;
};
export type Db = TRuledClient & TReadRouting;

/** Connecting to a replica gives up after this long: the read then goes to the primary. */
const REPLICA_CONNECT_TIMEOUT_MS = 2_000;

/**
 * A Prisma Client on @prisma/adapter-pg (no native engine), running as the app's role, with the
 * soft-delete guard (trashed rows stay out of reads, nested ones too), malformed ids matching
 * nothing instead of failing, and reads routed to replicas through `$replica()` when it has some.
 */
export const createDb = ({
  // biome-ignore lint/style/noProcessEnv: a library default for tools without an env.ts (seed, CLIs); the apps pass their env
  url = process.env.DATABASE_URL,
  log,
  maxConnections,
  role = defaultRole(),
  replicas,
  preparedStatements = true,
}: CreateDbOptions = {}): Db => {
  if (!url)
    throw new Error(
      "DATABASE_URL is not set: point it at PostgreSQL, or start Cto with `npm start` for the embedded database.",
    );
  if (role !== null && !ROLE_NAME.test(role))
    throw new Error(`DATABASE_ROLE must be a plain role name (letters, digits, _ and $), not ${JSON.stringify(role)}.`);
  // Sessions run in UTC so that timestamps without an offset (raw query parameters) mean what they say,
  // and as the app's role, so that nothing the app runs can alter the schema or the audit log.
  const options = `-c TimeZone=UTC${role ? ` -c role=${role}` : ""}`;
  const adapter = new PrismaPg({ connectionString: url, options, ...(maxConnections ? { max: maxConnections } : {}) });
  const pool = watchPool(adapter);
  const logLevels = log ?? logLevelsFor();
  const primary = withRules(new PrismaClient({ adapter: pool.factory, log: logLevels }));
  // Replica clients get the operations after the rules above have rewritten them, so they need none.
  const router = replicas?.urls.length
    ? createReadRouter({
        primary,
        options: replicas,
        replicas: replicas.urls.map((replicaUrl) => {
          const replicaPool = watchPool(
            new PrismaPg({
              connectionString: replicaUrl,
              options,
              connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS,
              ...(maxConnections ? { max: maxConnections } : {}),
            }),
          );
          const client = new PrismaClient({ adapter: replicaPool.factory, log: logLevels });
          return { url: replicaUrl, client, rows: rowsOn(connectedPool(replicaPool, client), preparedStatements) };
        }),
      })
    : null;
  const members = {
    $replica: (): Db => replicaView,
    $replicaStatus: () => router?.status() ?? [],
    $checkReplicas: async () => (router ? router.checkNow() : []),
    $disconnect: async () => {
      await Promise.all([router?.stop(), primary.$disconnect()]);
    },
  };
  const db: Db = router
    ? primary.$extends({
        client: members,
        query: { $allOperations: (operation) => router.onPrimary(operation as TOperation) },
      })
    : primary.$extends({ client: members });
  const replicaView: Db = router
    ? primary.$extends({
        client: members,
        query: { $allOperations: (operation) => router.onReplica(operation as TOperation) },
      })
    : db;
  pools.set(db, pool.stats);
  const driver = connectedPool(pool, primary);
  drivers.set(db, driver);
  drivers.set(replicaView, driver);
  const primaryRows = rowsOn(driver, preparedStatements);
  readers.set(
    db,
    router ? (text, values, options) => router.onPrimaryRows(text, values, primaryRows, options) : primaryRows,
  );
  if (router)
    readers.set(replicaView, (text, values, options) => router.onReplicaRows(text, values, primaryRows, options));
  return db;
};

/**
 * The connection pool of a client `createDb` made (for metrics): null before its first query, and
 * for a client it did not make (a further `$extends` is a new object).
 */
export const poolStats = (db: object): TPoolStats | null => pools.get(db)?.() ?? null;

/**
 * Rows of one parameterized statement, run on a pg pool with no Prisma in between: the typed raw path
 * for the few hottest reads, where Prisma's per-query work costs several times the query's own
 * (docs/benchmarks.md). On the client, the primary's pool; on `db.$replica()`, the server a Prisma read
 * would go to (a fresh replica unless the user just wrote, the primary when the replica fails), and a
 * statement that writes goes to the primary and, inside `actingAs`, keeps its user's reads there for a
 * while, as a Prisma write does. Values come back as pg parses them: timestamps as Date,
 * json as data, enums and uuids as strings, as Prisma gives them; name each column as its field
 * (`selectColumns`). Not inside a transaction, and no soft-delete or malformed-id guard: the caller's
 * SQL says everything (`rawFindMany` in @cto/db/raw-find keeps both).
 *
 * `prepared`: run it as a named statement (statements.ts), which each server connection parses and plans
 * once; PostgreSQL then keeps a generic plan once it costs no more than the plans made for the values. For
 * a statement whose best plan does not depend on its values (by key, a user's rows by an index, an insert);
 * not for one whose arrays or bounds change how many rows it reads, where a generic plan can cost several
 * times a plan made for the values.
 */
export const queryRows = async <R extends object>(
  db: object,
  text: string,
  values: unknown[] = [],
  options?: TRowsOptions,
): Promise<R[]> => {
  const rows = readers.get(db);
  if (!rows) throw new Error("queryRows needs a client made by createDb");
  return rows<R>(text, values, options);
};

/** Whether `queryRows` takes `db`: a client `createDb` made or its `$replica()`, not a transaction inside one. */
export const hasRowsPath = (db: object) => readers.has(db);

/** A statement's rows, as `queryRows` gives them, inside the transaction `rawTransaction` holds open. */
export type TRawQuery = <R extends object>(text: string, values?: unknown[]) => Promise<R[]>;

/**
 * One transaction on the primary's own pg pool, for the few hot writes that take `queryRows`' path:
 * `work` runs its statements on one connection between BEGIN and COMMIT, and a throw rolls them back
 * (a connection that cannot roll back is dropped, not returned to the pool). The same rules as
 * `queryRows`: no Prisma in between, no guards, the caller's SQL says everything.
 */
export const rawTransaction = async <T>(db: object, work: (query: TRawQuery) => Promise<T>): Promise<T> => {
  const driver = drivers.get(db);
  if (!driver) throw new Error("rawTransaction needs a client made by createDb");
  const client = await (await driver()).connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(
      async (text, values = []) => (await client.query({ text, values, types: rawTypes })).rows,
    );
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
};

/** A select list naming each column as its field; every field of `M` must be named (`alias`: the table's alias). */
export const selectColumns = <M>(alias: string, columns: { [K in keyof M]-?: string }) =>
  Object.entries(columns as Record<string, string>)
    .map(([field, column]) => `${alias}.${column} AS "${field}"`)
    .join(", ");

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

export {
  findMigrationsDir,
  migrationReadiness,
  migrationStatus,
  type TMigrationReadiness,
  type TMigrationStatus,
} from "./migrations.ts";
export type { TPoolStats } from "./pool.ts";
export type { TReplicaOptions, TReplicaStatus } from "./replicas.ts";
export { Prisma, PrismaClient } from "./generated/prisma/client.ts";
export type * from "./generated/prisma/client.ts";

export type TAppRoleCheck = { ok: true; user: string } | { ok: false; user: string; reason: string };

/**
 * Whether the sessions really run with no more than `role`'s rights. `createDb` asks for the role with a
 * startup option (`-c role=…`), which a pooler may drop without a word: PgBouncer does
 * (`ignore_startup_parameters`), so a login that owns the tables would keep every right of the owner.
 * Fails when the session's user is a superuser, can act as the owner of a table, or lacks `role`'s rights;
 * a login in `role` (with `ALTER ROLE … SET role` or without) passes. The apps refuse to start on a failure.
 */
export const checkAppRole = async (db: Db, role: string | null = defaultRole()): Promise<TAppRoleCheck> => {
  const [row] = await db.$queryRaw<{ user: string; superuser: boolean; owner: boolean; member: boolean }[]>`
    SELECT current_user AS "user",
      (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
      EXISTS (
        SELECT 1 FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
          AND pg_has_role(current_user, c.relowner, 'USAGE')
      ) AS owner,
      ${role}::text IS NULL OR pg_has_role(current_user, ${role}::text, 'USAGE') AS member`;
  const { user, superuser, owner, member } = row!;
  if (role === null) return { ok: true, user };
  const how = `DATABASE_ROLE=${role} did not take (a pooler such as PgBouncer drops the \`-c role\` startup option)`;
  if (superuser || owner)
    return {
      ok: false,
      user,
      reason: `The database sessions run as ${user}, ${superuser ? "a superuser" : "an owner of the tables"}: ${how}. Connect as a login in ${role} (CREATE ROLE cto_api LOGIN IN ROLE ${role}), packages/db/README.md "Through PgBouncer".`,
    };
  if (!member)
    return { ok: false, user, reason: `The database sessions run as ${user}, which is not in ${role}: ${how}.` };
  return { ok: true, user };
};
