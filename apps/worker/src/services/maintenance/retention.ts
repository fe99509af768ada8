import type { Db } from "@cto/db/client";
import type { TStorage } from "@cto/storage/storage";

const DAY_MS = 86_400_000;

/** The soft-deleting tables (packages/db's "Soft delete"), each with a partial index on its trash. */
export const TRASH_TABLES = ["persons", "places", "events", "tasks", "deadlines", "analysis_sessions"] as const;
export type TTrashTable = (typeof TRASH_TABLES)[number];

// The API stores a screenshot session's image under this key (apps/api's screenshotKey); the trash kept
// it for a restore, so purging the session deletes it.
const screenshotKey = (row: { id: string; user_id: string }) => `screenshots/${row.user_id}/${row.id}`;

type TWarn = { warn: (message: string, details?: Record<string, unknown>) => void };

/**
 * Deletes for good what has been in the trash since before `before`, in batches: the database's
 * cascades and triggers take what hangs off each row (a task's subtasks, a session's messages, their
 * embeddings), and a screenshot session's uploaded image is deleted from storage afterwards (a failure
 * there is logged; the row is gone). Idempotent, so a run stopped midway is finished by the next.
 */
export const purgeTrash = async ({
  db,
  storage,
  log,
  before,
  batchSize = 500,
  maxBatches = 100,
}: {
  db: Db;
  storage: TStorage;
  log: TWarn;
  before: Date;
  batchSize?: number;
  maxBatches?: number;
}) => {
  const counts = Object.fromEntries(TRASH_TABLES.map((table) => [table, 0])) as Record<TTrashTable, number>;
  for (const table of TRASH_TABLES) {
    for (let batch = 0; batch < maxBatches; batch++) {
      // The table name is one of TRASH_TABLES; the values are parameters.
      const rows = await db.$queryRawUnsafe<{ id: string; user_id: string; type: string | null }[]>(
        `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE deleted_at < $1::timestamptz ORDER BY deleted_at LIMIT $2::int FOR UPDATE SKIP LOCKED)
         RETURNING id::text, user_id::text, ${table === "analysis_sessions" ? "type::text" : "NULL::text"} AS type`,
        before.toISOString(),
        batchSize,
      );
      counts[table] += rows.length;
      for (const row of rows.filter((deleted) => deleted.type === "SCREENSHOT")) {
        const key = screenshotKey(row);
        await storage
          .delete(key)
          .catch((error: unknown) =>
            log.warn("could not delete an uploaded file", { key, error: (error as Error).message }),
          );
      }
      if (rows.length < batchSize) break;
    }
  }
  return counts;
};

/**
 * Clears the request and response bodies of AI responses created before `before`, in batches; the row
 * stays, with its model, tokens, cost, latency and status, so usage analytics and the daily token budget
 * are unchanged. The partial index on rows that still have bodies keeps each run to what is left to do.
 */
export const clearAiBodies = async ({
  db,
  before,
  batchSize = 1_000,
  maxBatches = 1_000,
}: {
  db: Db;
  before: Date;
  batchSize?: number;
  maxBatches?: number;
}) => {
  let cleared = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const count = await db.$executeRaw`
      UPDATE ai_responses SET request_data = NULL, response_data = NULL
       WHERE id IN (SELECT id FROM ai_responses
                     WHERE (request_data IS NOT NULL OR response_data IS NOT NULL) AND created_at < ${before.toISOString()}::timestamptz
                     ORDER BY created_at LIMIT ${batchSize}::int FOR UPDATE SKIP LOCKED)`;
    cleared += count;
    if (count < batchSize) break;
  }
  return cleared;
};

/** The retention job's cut-offs: `days` before `now`. */
export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);
