import type { TUpdateUserSchedule, TUserSchedule, TUserScheduleName } from "@cto/contracts/api/schedules";
import { userTimezone } from "@cto/core/local-days";
import {
  cadenceCron,
  defaultUserSchedules,
  nextUserScheduleRun,
  scheduleCadence,
  type TUserScheduleKind,
  USER_SCHEDULE_KINDS,
} from "@cto/core/user-schedules";
import type { Db, DbExecutor, ReminderSchedule } from "@cto/db/client";

import { ApiError, notFound } from "../errors.ts";

const NAMES: Record<TUserScheduleKind, TUserScheduleName> = {
  REPORT: "weekly_report",
  CONSISTENCY: "consistency",
  STORY: "story",
};

/** A user schedule row: one of the three kinds, with a cadence (report requests and reminders have none). */
const ownWhere = (userId: string) => ({ userId, kind: { in: [...USER_SCHEDULE_KINDS] }, cadence: { not: null } });

const serialize = (row: ReminderSchedule, profileTimezone: string): TUserSchedule => {
  const kind = row.kind as TUserScheduleKind;
  const cadence = scheduleCadence(kind, row.cadence);
  return {
    id: row.id,
    kind: NAMES[kind],
    paused: row.status === "PAUSED",
    weekday: cadence.weekday,
    hour: cadence.hour,
    timezone: row.timezone ?? profileTimezone,
    nextRunAt: row.status === "PAUSED" ? null : (row.nextRunAt?.getTime() ?? null),
    lastRunAt: row.lastRunAt?.getTime() ?? null,
    lastError: row.lastError,
  };
};

const profileTimezone = async (db: Db, userId: string) =>
  userTimezone((await db.user.findUniqueOrThrow({ where: { id: userId }, select: { preferences: true } })).preferences);

/**
 * The user's three schedules, in a fixed order. Rows are made lazily: here for the user who looks, and by
 * the worker's schedules/run for every active user (the (queue, job id) key keeps one row per kind).
 */
export const listSchedules = async (db: Db, userId: string, now = new Date()) => {
  const timezone = await profileTimezone(db, userId);
  const rows = await db.reminderSchedule.findMany({ where: ownWhere(userId) });
  if (rows.length < USER_SCHEDULE_KINDS.length) {
    await db.reminderSchedule.createMany({ data: defaultUserSchedules(userId, timezone, now), skipDuplicates: true });
    rows.splice(0, rows.length, ...(await db.reminderSchedule.findMany({ where: ownWhere(userId) })));
  }
  const order = (row: ReminderSchedule) => USER_SCHEDULE_KINDS.indexOf(row.kind as TUserScheduleKind);
  return { items: rows.sort((a, b) => order(a) - order(b)).map((row) => serialize(row, timezone)) };
};

/**
 * Pauses, resumes or moves a schedule. Resuming or a new weekday/hour sets the next run from now (runs
 * missed while paused are not caught up); pausing clears it. Another user's row is 404, like a missing one.
 */
export const updateSchedule = async (
  db: Db,
  userId: string,
  id: string,
  input: TUpdateUserSchedule,
  now = new Date(),
) => {
  const row = await db.reminderSchedule.findFirst({ where: { id, ...ownWhere(userId) } });
  if (!row) throw notFound("schedule");
  const kind = row.kind as TUserScheduleKind;
  const current = scheduleCadence(kind, row.cadence);
  if (input.weekday !== undefined && current.weekday === null)
    throw new ApiError("validation_failed", "This schedule runs every day; it has no weekday.", [
      { path: "weekday", message: "only the weekly schedules take a weekday" },
    ]);
  const cadence = { weekday: input.weekday ?? current.weekday, hour: input.hour ?? current.hour };
  const paused = input.paused ?? row.status === "PAUSED";
  const timezone = row.timezone ?? (await profileTimezone(db, userId));
  const moved = input.weekday !== undefined || input.hour !== undefined;
  const resumed = !paused && row.status === "PAUSED";
  const nextRunAt = paused
    ? null
    : moved || resumed || !row.nextRunAt
      ? nextUserScheduleRun(cadence, timezone, now)
      : row.nextRunAt;
  // Conditional on the row still being the user's: a concurrent account deletion answers 404, not 500.
  const [updated] = await db.reminderSchedule.updateManyAndReturn({
    where: { id, userId },
    data: { status: paused ? "PAUSED" : "ACTIVE", cadence: cadenceCron(cadence), nextRunAt },
  });
  if (!updated) throw notFound("schedule");
  return serialize(updated, await profileTimezone(db, userId));
};

/**
 * A new profile timezone moves the next run of each active schedule that follows it (no timezone of its
 * own) to its local time there, so the next report comes at 08:00 where the user now is rather than
 * where they were. One waiting to retry a failed run (its error not yet cleared) keeps its retry.
 */
export const followProfileTimezoneSchedules = async (
  tx: DbExecutor,
  userId: string,
  timezone: string,
  now = new Date(),
) => {
  const rows = await tx.reminderSchedule.findMany({
    where: { ...ownWhere(userId), status: "ACTIVE", timezone: null, lastError: null },
    select: { id: true, kind: true, cadence: true },
  });
  for (const row of rows) {
    const cadence = scheduleCadence(row.kind as TUserScheduleKind, row.cadence);
    await tx.reminderSchedule.update({
      where: { id: row.id },
      data: { nextRunAt: nextUserScheduleRun(cadence, timezone, now) },
    });
  }
};
