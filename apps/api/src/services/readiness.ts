import { migrationReadiness, migrationStatus, type Db } from "@cto/db/client";
import { withinTimeout, type TQueues } from "@cto/queue/queues";

/** How long /ready waits for Redis to count the workers; past it the queues read as unavailable. */
const QUEUE_CHECK_MS = 500;
/**
 * How long /ready waits for the database: a server that accepts and never answers must not hang the
 * probe, while a first connection on a loaded host may take a few seconds.
 */
const DATABASE_CHECK_MS = 5_000;

/**
 * The background queues as a client should see them: `queues` is `ok`, `unavailable` (Redis is down
 * or slow) or `off` (no Redis configured); `workers` is how many worker processes serve the reminders
 * queue, null when that cannot be known. No worker means nothing scheduled will be delivered until one runs.
 */
export const queueStatus = async (queues: TQueues | null) => {
  if (!queues) return { queues: "off", workers: null } as const;
  if (queues.available?.() === false) return { queues: "unavailable", workers: null } as const;
  try {
    return {
      queues: "ok",
      workers: await withinTimeout(queues.queue("reminders").getWorkersCount(), QUEUE_CHECK_MS),
    } as const;
  } catch {
    return { queues: "unavailable", workers: null } as const;
  }
};

/**
 * The database answers, and has applied every migration this code ships (none pending, none failed).
 * Without the migration folders (a broken installation) that cannot be known, which counts as failing.
 */
export const databaseStatus = async (db: Db, migrationsDir: string | null) => {
  if (!migrationsDir) {
    const reachable = await withinTimeout(db.$queryRaw`SELECT 1`, DATABASE_CHECK_MS).then(
      () => true,
      () => false,
    );
    return { database: reachable ? "ok" : "unreachable", migrations: "unknown" } as const;
  }
  try {
    const status = await withinTimeout(migrationStatus(db, { dir: migrationsDir }), DATABASE_CHECK_MS);
    return { database: "ok", ...migrationReadiness(status) } as const;
  } catch {
    return { database: "unreachable", migrations: "unknown" } as const;
  }
};

/**
 * What /ready answers: `failing` names each check that fails (the database, its migrations, and Redis
 * where it is required), beside every check's state.
 */
export const readiness = async ({
  db,
  queues,
  migrationsDir,
  requireRedis,
}: {
  db: Db;
  queues: TQueues | null;
  migrationsDir: string | null;
  requireRedis: boolean;
}) => {
  const [database, queue] = await Promise.all([databaseStatus(db, migrationsDir), queueStatus(queues)]);
  const redis = queue.queues === "ok" ? "ok" : queue.queues === "off" ? "off" : "unreachable";
  const failing = [
    ...(database.database === "ok" ? [] : ["database"]),
    ...(database.migrations === "ok" ? [] : ["migrations"]),
    ...(requireRedis && redis !== "ok" ? ["redis"] : []),
  ];
  return { ready: failing.length === 0, failing, checks: { ...database, redis, ...queue } };
};
