import type { TReminderDueJob } from "@cto/contracts/queues";
import type { DbExecutor } from "@cto/db/client";
import { jobId } from "@cto/queue/job-options";
import type { TQueues } from "@cto/queue/queues";

import { BUSY_EVENT_SELECT, busyEventsWhere, reminderDeliveryTime } from "./busy-time.ts";
import { readReminderPreferences } from "./working-hours.ts";

export const REMINDER_QUEUE = "reminders";

/** What decides whether a reminder should exist: read from a commitment or a deadline row. */
export type TReminderTarget = {
  kind: TReminderDueJob["kind"];
  entityId: string;
  userId: string;
  remindAt: Date | null;
  /** Still open (not completed, skipped, missed or deleted). */
  open: boolean;
};

type TCommitmentRow = { id: string; userId: string; remindAt: Date | null; status: string };
type TDeadlineRow = { id: string; userId: string; reminderAt: Date | null; status: string; deletedAt?: Date | null };

export const commitmentTarget = (row: TCommitmentRow, gone = false): TReminderTarget => ({
  kind: "commitment",
  entityId: row.id,
  userId: row.userId,
  remindAt: row.remindAt,
  open: !gone && (row.status === "PENDING" || row.status === "SCHEDULED"),
});

export const deadlineTarget = (row: TDeadlineRow, gone = false): TReminderTarget => ({
  kind: "deadline",
  entityId: row.id,
  userId: row.userId,
  remindAt: row.reminderAt,
  open: !gone && !row.deletedAt && (row.status === "PENDING" || row.status === "EXTENDED"),
});

/** The job id of one reminder: kind, entity and time, so a moved reminder is a new job and a repeat of the same one is not. */
export const reminderJobId = (kind: string, entityId: string, remindAt: Date | number) =>
  jobId("reminder", kind, entityId, typeof remindAt === "number" ? remindAt : remindAt.getTime());

/** Reminders set this long before "now" when they are written are stale: scheduling them would only nag about the past. */
export const STALE_AFTER_MS = 60 * 60 * 1000;

const scheduleKind = (kind: TReminderTarget["kind"]): "COMMITMENT_REMINDER" | "DEADLINE_REMINDER" =>
  kind === "commitment" ? "COMMITMENT_REMINDER" : "DEADLINE_REMINDER";
const ownerColumn = (kind: TReminderTarget["kind"]): "commitmentId" | "deadlineId" =>
  kind === "commitment" ? "commitmentId" : "deadlineId";

export type TReminderSyncResult = {
  scheduled: { jobId: string; nextRunAt: Date } | null;
  cancelled: string[];
  enqueued: boolean;
  /** A commitment's status after the sync: SCHEDULED while a reminder waits, PENDING when none does (open ones only). */
  commitmentStatus?: "PENDING" | "SCHEDULED";
};

/**
 * Makes the schedule match the row, after any write to a commitment or deadline: the database is
 * the truth (a `ReminderSchedule` row per reminder), Redis only carries the delayed job.
 * - An open row with a remind time gets an ACTIVE schedule and a delayed `reminders/due` job,
 *   delayed to the first moment inside the user's working hours that no busy event of theirs covers
 *   (`reminderDeliveryTime`).
 * - Every other ACTIVE schedule of the row (an earlier time, or the row closed or deleted) is
 *   CANCELLED and its job removed.
 * Without queues (Redis away) only the database changes: the worker's `reminders/reconcile` job
 * enqueues ACTIVE schedules whose job is missing, so nothing is lost. A job left behind in Redis is
 * harmless too: the processor does nothing unless its schedule is still ACTIVE.
 */
export const syncReminder = async ({
  db,
  queues,
  target,
  now = new Date(),
}: {
  /** The client, or a transaction the caller holds (a nested one then runs in it, as a savepoint). */
  db: DbExecutor;
  queues: TQueues | null;
  target: TReminderTarget;
  now?: Date;
}): Promise<TReminderSyncResult> => {
  const currentId = target.remindAt ? reminderJobId(target.kind, target.entityId, target.remindAt) : null;

  const { cancelled, scheduled, commitmentStatus } = await db.$transaction(
    async (tx): Promise<Omit<TReminderSyncResult, "enqueued">> => {
      const result = await syncSchedules(tx, target, currentId, now);
      if (target.kind !== "commitment" || !target.open) return result;
      // An open commitment reads SCHEDULED exactly while a reminder for it waits.
      const status = result.scheduled ? "SCHEDULED" : "PENDING";
      await tx.commitment.updateMany({
        where: { id: target.entityId, status: result.scheduled ? "PENDING" : "SCHEDULED" },
        data: { status },
      });
      return { ...result, commitmentStatus: status };
    },
    { maxWait: 5_000 },
  );

  if (!queues) return { scheduled, cancelled, enqueued: false, commitmentStatus };
  // Redis after the commit: a job never points at a schedule that was rolled back. A deleted row's
  // schedules are gone with it (cascade), so its current job id is removed too.
  const remove = new Set([...cancelled, ...(!scheduled && currentId ? [currentId] : [])]);
  for (const id of remove) await queues.remove(REMINDER_QUEUE, id).catch(() => undefined);
  if (!scheduled) return { scheduled, cancelled, enqueued: false, commitmentStatus };
  const payload: TReminderDueJob = {
    kind: target.kind,
    entityId: target.entityId,
    userId: target.userId,
    remindAt: target.remindAt!.getTime(),
  };
  const enqueued = await enqueueReminder(queues, payload, scheduled.nextRunAt, now).then(
    () => true,
    () => false,
  );
  return { scheduled, cancelled, enqueued, commitmentStatus };
};

const syncSchedules = async (tx: DbExecutor, target: TReminderTarget, currentId: string | null, now: Date) => {
  const owner = { [ownerColumn(target.kind)]: target.entityId };
  const active = await tx.reminderSchedule.findMany({
    where: { ...owner, queueName: REMINDER_QUEUE, status: "ACTIVE" },
    select: { id: true, jobId: true },
  });
  // A remind time long past is not scheduled anew, but one already waiting (held for working hours) keeps waiting.
  const fresh = target.remindAt !== null && target.remindAt.getTime() > now.getTime() - STALE_AFTER_MS;
  const wantedId =
    target.open && currentId && (fresh || active.some((row) => row.jobId === currentId)) ? currentId : null;
  const stale = active.filter((row) => row.jobId !== wantedId);
  if (stale.length)
    await tx.reminderSchedule.updateMany({
      where: { id: { in: stale.map((row) => row.id) } },
      data: { status: "CANCELLED", nextRunAt: null },
    });
  const cancelled = stale.map((row) => row.jobId);
  if (!wantedId) return { cancelled, scheduled: null };
  const user = await tx.user.findUnique({ where: { id: target.userId }, select: { preferences: true } });
  const preferences = readReminderPreferences(user?.preferences);
  const events = await tx.event.findMany({
    where: busyEventsWhere(target.userId, target.remindAt!),
    select: BUSY_EVENT_SELECT,
  });
  const nextRunAt = reminderDeliveryTime(target.remindAt!, preferences, events);
  const payload: TReminderDueJob = {
    kind: target.kind,
    entityId: target.entityId,
    userId: target.userId,
    remindAt: target.remindAt!.getTime(),
  };
  const row = await upsertSchedule(tx, { target, jobId: wantedId, nextRunAt, timezone: preferences.timezone, payload });
  return {
    cancelled,
    scheduled: row.status === "ACTIVE" ? { jobId: wantedId, nextRunAt: row.nextRunAt ?? nextRunAt } : null,
  };
};

/**
 * Brings the user's held reminders forward once what held them is gone. A reminder whose delivery was
 * moved past its time (to a busy event's end, or to the next start of working hours) is timed again
 * against the user's events and hours as they are now; if that comes sooner, its schedule and its delayed
 * job move there. Nothing is moved later here: a meeting added since holds a reminder when its job fires.
 * Called after the user's events change (an edit in Cto, a calendar sync); returns how many moved. Without
 * Redis only the schedules move, and the job keeps its time.
 */
export const bringHeldRemindersForward = async ({
  db,
  queues,
  userId,
  now = new Date(),
}: {
  db: DbExecutor;
  queues: TQueues | null;
  userId: string;
  now?: Date;
}) => {
  const rows = await db.reminderSchedule.findMany({
    where: {
      userId,
      queueName: REMINDER_QUEUE,
      status: "ACTIVE",
      kind: { in: ["COMMITMENT_REMINDER", "DEADLINE_REMINDER"] },
      nextRunAt: { gt: now },
    },
    select: { id: true, jobId: true, nextRunAt: true, payload: true },
  });
  const held = rows.flatMap(({ id, jobId: heldJobId, nextRunAt, payload }) => {
    const remindAt = (payload as { remindAt?: unknown } | null)?.remindAt;
    return typeof remindAt === "number" && nextRunAt && nextRunAt.getTime() > remindAt
      ? [{ id, jobId: heldJobId, nextRunAt, remindAt }]
      : [];
  });
  if (held.length === 0) return 0;
  const user = await db.user.findUnique({ where: { id: userId }, select: { preferences: true } });
  const preferences = readReminderPreferences(user?.preferences);
  let moved = 0;
  for (const row of held) {
    const from = new Date(Math.max(row.remindAt, now.getTime()));
    const events = await db.event.findMany({ where: busyEventsWhere(userId, from), select: BUSY_EVENT_SELECT });
    const at = reminderDeliveryTime(from, preferences, events);
    if (at.getTime() >= row.nextRunAt.getTime()) continue;
    // Conditional: a job that fired meanwhile (COMPLETED) or another move (a new time) wins.
    const { count } = await db.reminderSchedule.updateMany({
      where: { id: row.id, status: "ACTIVE", nextRunAt: row.nextRunAt },
      data: { nextRunAt: at },
    });
    if (count === 0) continue;
    moved += 1;
    if (!queues) continue;
    // Only a delayed job can move; one already running or gone is the worker's (or reconcile's) to settle.
    const job = await queues
      .queue(REMINDER_QUEUE)
      .getJob(row.jobId)
      .catch(() => undefined);
    await job?.changeDelay(Math.max(0, at.getTime() - now.getTime())).catch(() => undefined);
  }
  return moved;
};

/**
 * Every reminder's job carries a priority. A due job with one waits in BullMQ's prioritized sorted set
 * instead of its wait list, so removing it is a lookup rather than a scan of the whole list: the worker
 * delivers many due reminders in one batch and then drops their jobs, which a backlog of list entries
 * would make cost the square of its length. All reminders share the one priority, so they still run
 * in the order they fell due.
 */
export const REMINDER_JOB_PRIORITY = 1;

/** The BullMQ options of a reminder's job: its domain job id, delayed to `nextRunAt`, prioritized (see above). */
export const reminderJobOptions = (payload: TReminderDueJob, nextRunAt: Date, now = new Date()) => ({
  jobId: reminderJobId(payload.kind, payload.entityId, payload.remindAt),
  delay: Math.max(0, nextRunAt.getTime() - now.getTime()),
  priority: REMINDER_JOB_PRIORITY,
});

/** Adds the delayed job for a schedule; the same reminder twice is one job (BullMQ keeps the first of an id). */
export const enqueueReminder = (queues: TQueues, payload: TReminderDueJob, nextRunAt: Date, now = new Date()) =>
  queues.enqueue("reminders", "due", payload, reminderJobOptions(payload, nextRunAt, now));

type TUpsert = { target: TReminderTarget; jobId: string; nextRunAt: Date; timezone: string; payload: TReminderDueJob };

// A reminder moved back to a time it had before revives its CANCELLED schedule; a COMPLETED (already
// sent) or FAILED one is left alone, so the same reminder is never sent twice.
const upsertSchedule = async (tx: DbExecutor, { target, jobId: id, nextRunAt, timezone, payload }: TUpsert) =>
  tx.reminderSchedule
    .upsert({
      where: { queueName_jobId: { queueName: REMINDER_QUEUE, jobId: id } },
      create: {
        userId: target.userId,
        kind: scheduleKind(target.kind),
        [ownerColumn(target.kind)]: target.entityId,
        queueName: REMINDER_QUEUE,
        jobId: id,
        timezone,
        nextRunAt,
        payload,
        status: "ACTIVE",
      },
      update: {},
      select: { status: true, id: true, nextRunAt: true },
    })
    .then(async (row) => {
      if (row.status !== "CANCELLED") return row;
      return tx.reminderSchedule.update({
        where: { id: row.id },
        data: { status: "ACTIVE", nextRunAt, timezone, lastError: null },
        select: { status: true, id: true, nextRunAt: true },
      });
    });
