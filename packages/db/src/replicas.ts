import { AsyncLocalStorage } from "node:async_hooks";

import { z } from "zod";

import { MODEL_READS } from "./data-model.ts";
import { serverSqlState } from "./errors.ts";

/** Reads that tolerate lag, as `$replica()` routes them; writes always go to the primary. */
const READS = new Set<string>([...MODEL_READS, "$queryRaw", "$queryRawUnsafe"]);
const WRITES = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
  "$executeRaw",
  "$executeRawUnsafe",
]);
// Raw queries may write too (INSERT … RETURNING through $queryRaw); counted as writes when they say so.
const RAW_WRITE = /\b(insert|update|delete|merge|truncate)\b/i;

/** A replica this far behind the primary, or further, gets no reads. */
export const DEFAULT_MAX_LAG_MS = 5_000;
/** How often each replica's position is compared with the primary's. */
export const DEFAULT_CHECK_EVERY_MS = 1_000;
/**
 * How long after a write its user's reads stay on the primary, beyond the lag bound: the longest an
 * interactive transaction may run after its first write before it commits (Prisma's 5 s timeout).
 */
export const COMMIT_MARGIN_MS = 5_000;
/** Longest wait for the shared record of recent writes; past it, the read goes to the primary. */
const RECENT_WRITES_TIMEOUT_MS = 250;

/** Where a user's recent writes are noted, so that every process sends that user's reads to the primary. */
export type TRecentWrites = {
  mark: (userId: string, forMs: number) => Promise<void>;
  wroteRecently: (userId: string) => Promise<boolean>;
};

/** The two Redis commands the shared record needs (ioredis's `Redis` and `Cluster` have them). */
export type TRedisLike = {
  set: (key: string, value: string, mode: "PX", milliseconds: number) => Promise<unknown>;
  exists: (key: string) => Promise<number>;
};

/** Recent writes in Redis, shared by every API instance and worker: one key per user, expiring on its own. */
export const redisRecentWrites = (
  redis: TRedisLike,
  { prefix = "cto:recent-write:" }: { prefix?: string } = {},
): TRecentWrites => ({
  mark: async (userId, forMs) => {
    await redis.set(`${prefix}${userId}`, "1", "PX", Math.max(1, Math.ceil(forMs)));
  },
  wroteRecently: async (userId) => (await redis.exists(`${prefix}${userId}`)) > 0,
});

type TScope = { user: () => string | undefined };
const scopes = new AsyncLocalStorage<TScope>();

/**
 * Runs `work` on behalf of a user: the writes it makes send that user's lag-tolerant reads to the
 * primary for a while (read-your-writes), and its reads through `$replica()` see the user's own
 * writes. `user` may be a function, for a request whose user is known only once it is authenticated.
 * What `work` returns is awaited inside: Prisma's queries are lazy, and one first awaited outside
 * would run on no one's behalf.
 */
export const actingAs = <T>(user: string | (() => string | undefined), work: () => T | PromiseLike<T>): Promise<T> =>
  scopes.run({ user: typeof user === "string" ? () => user : user }, async () => await work());

export type TReplicaState = "unchecked" | "streaming" | "lagging" | "down" | "not_a_replica";

/** What the router knows of one replica. `lagMs`: how far behind the primary it was at its last check. */
export type TReplicaStatus = {
  url: string;
  state: TReplicaState;
  usable: boolean;
  lagMs: number | null;
  error: string | null;
};

export type TReplicaOptions = {
  /** Connection strings of the replicas (DATABASE_REPLICA_URLS). */
  urls: string[];
  /** A replica further behind than this gets no reads; `DEFAULT_MAX_LAG_MS` when unset. */
  maxLagMs?: number;
  /** How often replicas are checked; `DEFAULT_CHECK_EVERY_MS` when unset. */
  checkEveryMs?: number;
  /**
   * Shared record of recent writes (`redisRecentWrites`), so that read-your-writes holds whichever
   * process serves the next request. Each process also keeps its own. When the shared record does not
   * answer, reads go to the primary.
   */
  recentWrites?: TRecentWrites | null;
  /** How long a user's reads stay on the primary after their write; `maxLagMs + COMMIT_MARGIN_MS` when unset. */
  readYourWritesMs?: number;
  /** Called when a replica's state changes (to log it). */
  onChange?: (status: TReplicaStatus) => void;
};

const unset = (value: unknown) => (value === "" ? undefined : value);

/** The replica settings each app's env.ts reads (spread into its schema). */
export const ZReplicaEnvSchema = z.object({
  // Streaming replicas for reads that tolerate lag, comma-separated; unset: every read on the primary.
  DATABASE_REPLICA_URLS: z.preprocess(
    (value) =>
      typeof value === "string"
        ? value
            .split(",")
            .map((url) => url.trim())
            .filter(Boolean)
        : (value ?? []),
    z.array(z.string().url("a postgresql:// URL")),
  ),
  // A replica further behind the primary than this gets no reads until it catches up.
  DATABASE_REPLICA_MAX_LAG_MS: z.preprocess(unset, z.coerce.number().int().min(100).default(DEFAULT_MAX_LAG_MS)),
});

/** createDb's `replicas` from the parsed settings (null without replicas), plus what the app adds. */
export const replicaOptionsFromEnv = (
  env: z.output<typeof ZReplicaEnvSchema>,
  more: Omit<TReplicaOptions, "urls" | "maxLagMs"> = {},
): TReplicaOptions | null =>
  env.DATABASE_REPLICA_URLS.length
    ? { urls: env.DATABASE_REPLICA_URLS, maxLagMs: env.DATABASE_REPLICA_MAX_LAG_MS, ...more }
    : null;

/** Just enough of a Prisma client to run a raw query and route an operation. */
type TRawClient = { $queryRawUnsafe: <T = unknown>(query: string, ...values: unknown[]) => Promise<T> };
export type TReplicaClient = TRawClient & { $disconnect: () => Promise<void> };
/** How `queryRows` runs one statement: `prepared` names it (statements.ts). */
export type TRowsOptions = { prepared?: boolean };
/** A statement's rows on one server's own pg pool, with no Prisma in between (`queryRows`' path). */
export type TRowsQuery = <R extends object>(text: string, values: unknown[], options?: TRowsOptions) => Promise<R[]>;

/** The parameters a Prisma `$allOperations` hook receives, as far as routing needs them. */
export type TOperation = {
  model?: string;
  operation: string;
  args: unknown;
  query: (args: never) => Promise<unknown>;
  __internalParams?: { transaction?: unknown };
};

/** An LSN ("16/B374D848") as a number that compares. */
export const parseLsn = (lsn: string): bigint => {
  const [high = "0", low = "0"] = lsn.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
};

const redact = (url: string) => {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(invalid url)";
  }
};

const within = <T>(ms: number, promise: Promise<T>) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });

// Errors that say the query was wrong, not the server: the primary gets the query too (it fails there
// the same way), but the replica stays in use.
const QUERY_ERRORS = new Set([
  "TableDoesNotExist",
  "ColumnNotFound",
  "InvalidInputValue",
  "ValueOutOfRange",
  "LengthMismatch",
  "UnsupportedNativeDataType",
  "NullConstraintViolation",
  "UniqueConstraintViolation",
  "ForeignKeyConstraintViolation",
  "RestrictViolation",
]);
const serverFailed = (error: unknown) => {
  if ((error as Error)?.name === "PrismaClientValidationError") return false;
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } } })?.meta
    ?.driverAdapterError?.cause;
  if (!cause?.kind) return !(error as { code?: string })?.code?.startsWith("P2");
  if (cause.kind === "postgres") return /^(08|57|53)/.test(cause.code ?? "");
  return !QUERY_ERRORS.has(cause.kind);
};

/**
 * A pg error the replica's server caused (its connection, its shutdown, its resources) rather than the
 * statement: a pg `DatabaseError` carries the SQLSTATE, anything else (a refused or dropped connection,
 * a timeout) is the server's.
 */
const pgServerFailed = (error: unknown) => {
  const sqlState = serverSqlState(error);
  return sqlState === null || /^(08|57|53)/.test(sqlState);
};

const rawText = (operation: string, args: unknown) => {
  if (operation === "$queryRawUnsafe" || operation === "$executeRawUnsafe") return String((args as unknown[])[0] ?? "");
  const strings = (args as { strings?: readonly string[] })?.strings;
  return strings ? strings.join(" ") : "";
};

const isWrite = ({ operation, args }: TOperation) =>
  WRITES.has(operation) || (operation.startsWith("$queryRaw") && RAW_WRITE.test(rawText(operation, args)));

/** Runs the operation on another client of the same schema (a replica's). */
const runOn = (client: TRawClient, { model, operation, args }: TOperation): Promise<unknown> => {
  const target = client as unknown as Record<string, (...values: unknown[]) => Promise<unknown>> &
    Record<string, Record<string, (args: unknown) => Promise<unknown>>>;
  if (operation === "$queryRawUnsafe") return target[operation]!(...(args as unknown[]));
  if (!model) return target[operation]!(args);
  return target[model]![operation]!(args);
};

type TTracked = {
  url: string;
  client: TReplicaClient;
  rows?: TRowsQuery | undefined;
  state: TReplicaState;
  freshAsOf: number | null;
  lagMs: number | null;
  error: string | null;
};

/**
 * Read routing over streaming replicas. Each check samples the primary's WAL position, then asks each
 * replica how far it has replayed: a replica is as fresh as the newest primary sample it has reached,
 * so an idle primary's replica counts as current, and one that stopped receiving ages with the clock
 * (pg_last_xact_replay_timestamp() alone would call an idle replica late and say nothing of one cut off).
 * Reads go to a random replica no older than `maxLagMs`, else to the primary; a replica that fails a read
 * hands that read to the primary and gets no more until a check finds it well again.
 */
export const createReadRouter = ({
  primary,
  replicas,
  options,
}: {
  primary: TRawClient;
  /** `rows`: the replica's own pg pool, for raw reads through `$replica()` (`queryRows`). */
  replicas: { url: string; client: TReplicaClient; rows?: TRowsQuery }[];
  options: TReplicaOptions;
}) => {
  const maxLagMs = options.maxLagMs ?? DEFAULT_MAX_LAG_MS;
  const checkEveryMs = options.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS;
  const stickyMs = options.readYourWritesMs ?? maxLagMs + COMMIT_MARGIN_MS;
  const tracked: TTracked[] = replicas.map(({ url, client, rows }) => ({
    url,
    client,
    rows,
    state: "unchecked",
    freshAsOf: null,
    lagMs: null,
    error: null,
  }));
  const samples: { at: number; lsn: bigint }[] = [];
  const localWrites = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;
  let checking: Promise<void> | null = null;
  let stopped = false;

  const statusOf = (replica: TTracked, now = Date.now()): TReplicaStatus => {
    const lagMs = replica.freshAsOf === null ? null : Math.max(0, now - replica.freshAsOf);
    const usable =
      (replica.state === "streaming" || replica.state === "lagging") && lagMs !== null && lagMs <= maxLagMs;
    const state = usable ? "streaming" : replica.state === "streaming" ? "lagging" : replica.state;
    return { url: redact(replica.url), state, usable, lagMs, error: replica.error };
  };
  const update = (replica: TTracked, change: Partial<TTracked>) => {
    const before = statusOf(replica);
    Object.assign(replica, change);
    const after = statusOf(replica);
    if (before.state !== after.state) options.onChange?.(after);
  };

  const checkReplica = async (replica: TTracked) => {
    try {
      const [row] = await within(
        Math.max(checkEveryMs, 1_000),
        replica.client.$queryRawUnsafe<{ standby: boolean; replayed: string | null }[]>(
          "SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed",
        ),
      );
      if (!row?.standby || !row.replayed)
        return update(replica, {
          state: "not_a_replica",
          error: "the server is not in recovery (a primary, or promoted)",
        });
      const replayed = parseLsn(row.replayed);
      const reached = samples.filter((sample) => sample.lsn <= replayed).at(-1);
      const freshAsOf = Math.max(
        replica.freshAsOf ?? Number.NEGATIVE_INFINITY,
        reached?.at ?? Number.NEGATIVE_INFINITY,
      );
      update(replica, { state: "streaming", error: null, freshAsOf: Number.isFinite(freshAsOf) ? freshAsOf : null });
    } catch (error) {
      update(replica, {
        state: "down",
        error: (error as Error).message.split("\n").filter(Boolean).at(-1) ?? "unreachable",
      });
    }
  };

  const check = async () => {
    try {
      const at = Date.now();
      const [row] = await within(
        Math.max(checkEveryMs, 1_000),
        primary.$queryRawUnsafe<{ lsn: string }[]>("SELECT pg_current_wal_lsn()::text AS lsn"),
      );
      samples.push({ at, lsn: parseLsn(row!.lsn) });
      // Samples older than the bound can only say a replica is too late; one is kept to compare with.
      while (samples.length > 1 && samples[1]!.at < Date.now() - maxLagMs - 2 * checkEveryMs) samples.shift();
    } catch {
      // Without the primary's position nothing new is known; the replicas' ages keep growing meanwhile.
      return;
    }
    await Promise.all(tracked.map(checkReplica));
  };

  /** Checks every replica now (or joins the check under way); the first call starts the periodic checks. */
  const checkNow = async () => {
    if (!timer && !stopped) {
      timer = setInterval(() => void checkNow().catch(() => undefined), checkEveryMs);
      timer.unref();
    }
    checking ??= check().finally(() => {
      checking = null;
    });
    await checking;
    return status();
  };

  const status = () => {
    const now = Date.now();
    return tracked.map((replica) => statusOf(replica, now));
  };

  const pick = () => {
    const now = Date.now();
    const usable = tracked.filter((replica) => statusOf(replica, now).usable);
    return usable[Math.floor(Math.random() * usable.length)] ?? null;
  };

  const wroteRecently = async (userId: string) => {
    if ((localWrites.get(userId) ?? 0) > Date.now()) return true;
    if (!options.recentWrites) return false;
    // Not knowing is answered as "yes": the primary is never wrong.
    return within(RECENT_WRITES_TIMEOUT_MS, options.recentWrites.wroteRecently(userId)).catch(() => true);
  };

  const markWrite = async () => {
    const userId = scopes.getStore()?.user();
    if (!userId) return;
    const now = Date.now();
    localWrites.set(userId, now + stickyMs);
    if (localWrites.size > 10_000) for (const [user, until] of localWrites) if (until <= now) localWrites.delete(user);
    await within(RECENT_WRITES_TIMEOUT_MS, options.recentWrites?.mark(userId, stickyMs) ?? Promise.resolve()).catch(
      () => undefined,
    );
  };

  /** The primary's hook: a write inside `actingAs` notes its user once it has run. */
  const onPrimary = async (operation: TOperation) => {
    const result = await operation.query(operation.args as never);
    if (isWrite(operation)) await markWrite();
    return result;
  };

  /**
   * Where a lag-tolerant read runs: the primary for a user who just wrote, else a fresh replica, and the
   * primary again when the replica fails it (a failure of the server's own leaves that replica out).
   */
  const routeRead = async <T>(
    primaryRead: () => Promise<T>,
    replicaRead: (replica: TTracked) => Promise<T>,
    failedServer: (error: unknown) => boolean,
  ): Promise<T> => {
    if (!timer && !stopped) void checkNow().catch(() => undefined);
    const userId = scopes.getStore()?.user();
    if (userId && (await wroteRecently(userId))) return primaryRead();
    const replica = pick();
    if (!replica) return primaryRead();
    try {
      return await replicaRead(replica);
    } catch (error) {
      if (failedServer(error))
        update(replica, {
          state: "down",
          error: (error as Error).message.split("\n").filter(Boolean).at(-1) ?? "failed",
        });
      return primaryRead();
    }
  };

  /** `$replica()`'s hook: reads to a fresh replica unless the user just wrote; everything else as on the primary. */
  const onReplica = async (operation: TOperation) => {
    if (operation.__internalParams?.transaction || !READS.has(operation.operation) || isWrite(operation))
      return onPrimary(operation);
    return routeRead(
      () => operation.query(operation.args as never),
      (replica) => runOn(replica.client, operation),
      serverFailed,
    );
  };

  /**
   * A raw statement through `$replica()` (`queryRows`): a read goes where `onReplica` would send a Prisma
   * read, on that server's own pg pool; a statement that writes runs on the primary and notes its user.
   */
  const onReplicaRows = async <R extends object>(
    text: string,
    values: unknown[],
    primary: TRowsQuery,
    options?: TRowsOptions,
  ) => {
    if (RAW_WRITE.test(text)) {
      const rows = await primary<R>(text, values, options);
      await markWrite();
      return rows;
    }
    return routeRead(
      () => primary<R>(text, values, options),
      (replica) => (replica.rows ?? primary)<R>(text, values, options),
      pgServerFailed,
    );
  };

  /** A raw statement through the client itself (`queryRows`): on the primary; one that writes notes its user. */
  const onPrimaryRows = async <R extends object>(
    text: string,
    values: unknown[],
    primary: TRowsQuery,
    options?: TRowsOptions,
  ) => {
    const rows = await primary<R>(text, values, options);
    if (RAW_WRITE.test(text)) await markWrite();
    return rows;
  };

  const stop = async () => {
    stopped = true;
    if (timer) clearInterval(timer);
    timer = null;
    await Promise.all(tracked.map((replica) => replica.client.$disconnect()));
  };

  return { onPrimary, onReplica, onPrimaryRows, onReplicaRows, checkNow, status, stop };
};

export type TReadRouter = ReturnType<typeof createReadRouter>;
