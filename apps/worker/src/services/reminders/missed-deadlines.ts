import type { Db } from "@cto/db/client";

/**
 * Marks every open deadline (PENDING or EXTENDED, not in the trash) whose due time has passed as MISSED,
 * and tells its owner in the app: one statement, so a deadline is marked and announced together or not
 * at all. The message's dedupe key names the deadline and its due time, so a rerun (or a second worker)
 * announces nothing twice, and a deadline moved and missed again is announced again. At most `limit`
 * deadlines a run, oldest due first; the next run takes the rest.
 */
export const markMissedDeadlines = async ({ db, now, limit = 1_000 }: { db: Db; now: Date; limit?: number }) => {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH due AS (
      SELECT id FROM deadlines
      WHERE status IN ('PENDING', 'EXTENDED') AND due_at < ${now} AND deleted_at IS NULL
      ORDER BY due_at, id LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), missed AS (
      UPDATE deadlines d SET status = 'MISSED', updated_at = ${now}
      FROM due WHERE d.id = due.id
      RETURNING d.id, d.user_id, d.title, d.due_at
    ), told AS (
      INSERT INTO proactive_messages (user_id, content, context, channel, status, sent_at, dedupe_key, updated_at)
      SELECT user_id, 'Missed deadline: ' || title || '. Move it to a new date, or mark it done if it is.',
        jsonb_build_object('kind', 'deadline_missed', 'deadlineId', id, 'dueAt', (extract(epoch FROM due_at) * 1000)::bigint),
        'IN_APP', 'SENT', ${now}, 'deadline-missed.' || id || '.' || (extract(epoch FROM due_at) * 1000)::bigint, ${now}
      FROM missed
      ON CONFLICT (dedupe_key) DO NOTHING
    )
    SELECT id FROM missed`;
  return { missed: rows.length };
};
