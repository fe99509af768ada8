import { reportJobId, storyJobId } from "@cto/contracts/queues";
import { addDays, localDay, userTimezone } from "@cto/core/local-days";
import { reportPeriod, scheduledPeriodEnd } from "@cto/core/report-periods";
import { storyPeriodRange } from "@cto/core/stories";
import {
  defaultUserSchedules,
  nextUserScheduleRun,
  scheduleCadence,
  type TUserScheduleKind,
  USER_SCHEDULE_KINDS,
} from "@cto/core/user-schedules";
import { type Db, rawTransaction } from "@cto/db/client";
import type { TQueues } from "@cto/queue/queues";
import { jobId } from "@cto/queue/job-options";

import { CONSISTENCY_WINDOWS } from "../../jobs/metrics.consistency-schedule.ts";
import { previousPeriod } from "../../jobs/stories.schedule.ts";
import { ACTIVE_WITHIN_MS, activeWhere } from "../consistency/active-users.ts";

/** A run that could not queue its work (Redis away) is tried again this much later, not a week later. */
export const SCHEDULE_RETRY_MS = 5 * 60_000;

type TClaimed = {
  id: string;
  userId: string;
  kind: TUserScheduleKind;
  timezone: string;
  createdAt: Date;
};

type TDueRow = {
  id: string;
  userId: string;
  kind: TUserScheduleKind;
  cadence: string | null;
  timezone: string | null;
  preferences: unknown;
  createdAt: Date;
  active: boolean;
};

/**
 * Gives active users who lack them their schedule rows (sign-ups since the last pass, and everyone who
 * was there before schedules were rows), each due at its default time in the user's timezone. The
 * (queue, job id) key keeps one row per user and kind whoever inserts it (the API does too, on GET /schedules).
 */
export const ensureUserSchedules = async (db: Db, now: Date, limit: number) => {
  const users = await db.user.findMany({
    where: {
      ...activeWhere(now),
      OR: USER_SCHEDULE_KINDS.map((kind) => ({ reminderSchedules: { none: { kind, cadence: { not: null } } } })),
    },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, preferences: true },
  });
  if (!users.length) return 0;
  const { count } = await db.reminderSchedule.createMany({
    data: users.flatMap((user) => defaultUserSchedules(user.id, userTimezone(user.preferences), now)),
    skipDuplicates: true,
  });
  return count;
};

/**
 * Claims the schedules due at `now`, each exactly once: the rows are locked (SKIP LOCKED, so a second
 * claimer takes other rows or none) and moved to their next run after `now` in the same transaction.
 * The next run counts from now, so a worker down for days runs each schedule once, not once per miss.
 * PAUSED rows are never read. A user who is disabled or has not been seen for 30 days is moved on without
 * running (their schedules resume when they come back).
 */
export const claimDueSchedules = (db: Db, now: Date, limit: number): Promise<TClaimed[]> =>
  rawTransaction(db, async (query) => {
    const rows = await query<TDueRow>(
      `SELECT s.id, s.user_id AS "userId", s.kind, s.cadence, s.timezone, u.preferences, u.created_at AS "createdAt",
         (u.is_active AND (u.last_seen_at >= $3 OR u.created_at >= $3)) AS active
       FROM reminder_schedules s JOIN users u ON u.id = s.user_id
       WHERE s.status = 'ACTIVE' AND s.cadence IS NOT NULL AND s.kind IN ('REPORT', 'CONSISTENCY', 'STORY')
         AND s.next_run_at <= $1
       ORDER BY s.next_run_at, s.id LIMIT $2
       FOR UPDATE OF s SKIP LOCKED`,
      [now, limit, new Date(now.getTime() - ACTIVE_WITHIN_MS)],
    );
    const claimed: TClaimed[] = [];
    for (const row of rows) {
      const timezone = row.timezone ?? userTimezone(row.preferences);
      const cadence = scheduleCadence(row.kind, row.cadence);
      await query(
        `UPDATE reminder_schedules SET next_run_at = $2,
           last_run_at = CASE WHEN $3 THEN $4::timestamptz ELSE last_run_at END,
           last_error = CASE WHEN $3 THEN NULL ELSE last_error END, updated_at = now()
         WHERE id = $1`,
        [row.id, nextUserScheduleRun(cadence, timezone, now), row.active, now],
      );
      if (row.active)
        claimed.push({ id: row.id, userId: row.userId, kind: row.kind, timezone, createdAt: row.createdAt });
    }
    return claimed;
  });

type TOutcome = "queued" | "too_new" | "done";

/** Queues one claimed schedule's work. Job ids name user and period, so nothing is queued twice. */
const runOne = async (db: Db, queues: TQueues, row: TClaimed, now: Date): Promise<TOutcome> => {
  const { userId, timezone } = row;
  if (row.kind === "REPORT") {
    const periodEnd = scheduledPeriodEnd(now, timezone);
    // A first report waits until the account is as old as its period: no 7-day report of one day.
    if (row.createdAt > reportPeriod("SEVEN_DAY", periodEnd, timezone).start) return "too_new";
    const data = { userId, type: "SEVEN_DAY" as const, periodEnd: periodEnd.getTime() };
    await queues.enqueue("reports", "generate", data, {
      jobId: reportJobId(userId, "SEVEN_DAY", periodEnd.getTime()),
    });
    return "queued";
  }
  if (row.kind === "CONSISTENCY") {
    const date = addDays(localDay(now, timezone), -1);
    for (const windowDays of CONSISTENCY_WINDOWS)
      await queues.enqueue(
        "metrics",
        "consistency",
        { userId, date, windowDays },
        { jobId: jobId("consistency", userId, windowDays, date) },
      );
    return "queued";
  }
  const period = previousPeriod("week", now);
  if (row.createdAt > storyPeriodRange(period)!.start) return "too_new";
  if (await db.story.findUnique({ where: { userId_period: { userId, period } }, select: { id: true } })) return "done";
  await queues.enqueue("stories", "generate", { userId, period }, { jobId: storyJobId(userId, period) });
  return "queued";
};

/**
 * One pass: rows for users who lack them, then every due schedule run once. A run that fails records
 * its error on the row and is tried again after SCHEDULE_RETRY_MS.
 */
export const runUserSchedules = async ({
  db,
  queues,
  now,
  batchSize,
}: {
  db: Db;
  queues: TQueues;
  now: Date;
  batchSize: number;
}) => {
  const created = await ensureUserSchedules(db, now, batchSize);
  const claimed = await claimDueSchedules(db, now, batchSize);
  const result = { created, claimed: claimed.length, queued: 0, skipped: 0, failed: 0 };
  for (const row of claimed) {
    try {
      const outcome = await runOne(db, queues, row, now);
      if (outcome === "queued") result.queued += 1;
      else result.skipped += 1;
    } catch (error) {
      result.failed += 1;
      await db.reminderSchedule.update({
        where: { id: row.id },
        data: {
          lastError: error instanceof Error ? error.message.slice(0, 500) : "the run failed",
          nextRunAt: new Date(now.getTime() + SCHEDULE_RETRY_MS),
        },
      });
    }
  }
  return result;
};
