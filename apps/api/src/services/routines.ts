import { MAX_ROUTINES_PER_USER, ROUTINE_DAYS, type TCreateRoutine, type TRoutine } from "@cto/contracts/api/routines";
import { nextRoutineRun, routineTimezone } from "@cto/core/routines";
import type { Db, DbExecutor, Routine } from "@cto/db/client";

import { ApiError } from "../errors.ts";
import { readPage } from "../lib/pagination.ts";

type TRoutineInput = Omit<TCreateRoutine, "schedule"> & {
  schedule: { days: (typeof ROUTINE_DAYS)[number][]; time: string; timezone?: string | null | undefined };
};

const toIsoDays = (days: readonly string[]) =>
  days.map((day) => ROUTINE_DAYS.indexOf(day as (typeof ROUTINE_DAYS)[number]) + 1).sort((a, b) => a - b);

const serialize = (row: Routine, timezone: string): TRoutine => ({
  id: row.id,
  title: row.title,
  prompt: row.prompt,
  schedule: { days: row.days.map((day) => ROUTINE_DAYS[day - 1]!), time: row.time, timezone: row.timezone },
  timezone,
  enabled: row.enabled,
  nextRunAt: row.nextRunAt?.getTime() ?? null,
  lastRunAt: row.lastRunAt?.getTime() ?? null,
  createdAt: row.createdAt.getTime(),
  updatedAt: row.updatedAt.getTime(),
});

const preferencesOf = async (db: Db, userId: string) =>
  (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { preferences: true } })).preferences;

const notFound = () => new ApiError("not_found", "No such routine.");

/** The user's routines, oldest first, a page at a time. */
export const listRoutines = async (db: Db, userId: string, query: { limit: number; cursor?: string | undefined }) => {
  const preferences = await preferencesOf(db, userId);
  const page = await readPage(query, {
    listed: (id) => db.routine.findFirst({ where: { id, userId }, select: { id: true } }),
    read: (window) =>
      db.routine.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], ...window }),
  });
  return { ...page, items: page.items.map((row) => serialize(row, routineTimezone(row, preferences))) };
};

/** Another user's routine is not found (404), like a missing one. */
const ownRoutine = async (db: Db, userId: string, id: string) => {
  const row = await db.routine.findFirst({ where: { id, userId } });
  if (!row) throw notFound();
  return row;
};

export const readRoutine = async (db: Db, userId: string, id: string) => {
  const row = await ownRoutine(db, userId, id);
  return serialize(row, routineTimezone(row, await preferencesOf(db, userId)));
};

export const createRoutine = async (db: Db, userId: string, input: TRoutineInput, now = new Date()) => {
  const preferences = await preferencesOf(db, userId);
  const schedule = { days: toIsoDays(input.schedule.days), time: input.schedule.time };
  const timezone = input.schedule.timezone ?? null;
  const enabled = input.enabled ?? true;
  const effective = routineTimezone({ timezone }, preferences);
  const row = await db.$transaction(async (tx) => {
    // The user's row is locked while counting, so two creates at once cannot both pass the cap
    // (NO KEY: rows that only reference the user, in other tables, are not held up).
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId}::uuid FOR NO KEY UPDATE`;
    const kept = await tx.routine.count({ where: { userId } });
    if (kept >= MAX_ROUTINES_PER_USER)
      throw new ApiError("invalid_state", `You keep ${kept} routines, the most there can be; delete one first.`);
    return tx.routine.create({
      data: {
        userId,
        title: input.title,
        prompt: input.prompt,
        ...schedule,
        timezone,
        enabled,
        nextRunAt: enabled ? nextRoutineRun(schedule, effective, now) : null,
      },
    });
  });
  return serialize(row, effective);
};

/**
 * Edits a routine. A new schedule, or resuming, sets the next run from now (occurrences missed while
 * paused are not caught up); pausing clears it, so the worker never claims a paused routine.
 */
export const updateRoutine = async (
  db: Db,
  userId: string,
  id: string,
  input: Partial<TRoutineInput>,
  now = new Date(),
) => {
  const row = await ownRoutine(db, userId, id);
  const preferences = await preferencesOf(db, userId);
  const schedule = input.schedule
    ? { days: toIsoDays(input.schedule.days), time: input.schedule.time }
    : { days: row.days, time: row.time };
  const timezone = input.schedule ? (input.schedule.timezone ?? null) : row.timezone;
  const enabled = input.enabled ?? row.enabled;
  const effective = routineTimezone({ timezone }, preferences);
  const reschedule = input.schedule !== undefined || enabled !== row.enabled;
  const nextRunAt = !enabled ? null : reschedule ? nextRoutineRun(schedule, effective, now) : row.nextRunAt;
  // Conditional on the row still being the user's: a concurrent delete answers 404, not 500.
  const updated = await db.routine.updateManyAndReturn({
    where: { id, userId },
    data: {
      ...(input.title === undefined ? {} : { title: input.title }),
      ...(input.prompt === undefined ? {} : { prompt: input.prompt }),
      ...schedule,
      timezone,
      enabled,
      nextRunAt,
    },
  });
  if (!updated[0]) throw notFound();
  return serialize(updated[0], effective);
};

export const deleteRoutine = async (db: Db, userId: string, id: string) => {
  const { count } = await db.routine.deleteMany({ where: { id, userId } });
  if (count === 0) throw notFound();
};

/**
 * After the profile's timezone changed: the routines that follow it (no timezone of their own) run at
 * their local time in the new zone from their next occurrence on. Called inside PATCH /me's transaction.
 */
export const followProfileTimezone = async (tx: DbExecutor, userId: string, timezone: string, now = new Date()) => {
  const routines = await tx.routine.findMany({ where: { userId, enabled: true, timezone: null } });
  for (const routine of routines)
    await tx.routine.update({
      where: { id: routine.id },
      data: { nextRunAt: nextRoutineRun({ days: routine.days, time: routine.time }, timezone, now) },
    });
};
