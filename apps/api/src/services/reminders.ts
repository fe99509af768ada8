import { bringHeldRemindersForward, commitmentTarget, deadlineTarget, syncReminder } from "@cto/core/reminders";
import type { DbExecutor } from "@cto/db/client";
import type { TQueues } from "@cto/queue/queues";

import { ApiError } from "../errors.ts";
import type { TAfterWrite, TBeforeWrite } from "./resource.ts";

type TCommitmentRow = { id: string; userId: string; remindAt: Date | null; status: string };
type TDeadlineRow = { id: string; userId: string; reminderAt: Date | null; status: string; deletedAt: Date | null };
type TReminderSync<R> = { db: DbExecutor; queues: TQueues | null; row: R; gone?: boolean };

/**
 * After any write to a commitment: its reminder follows (scheduled, moved or cancelled, see
 * `syncReminder`). The row is the one the route answers with, so its status is updated in place to
 * what the sync wrote (SCHEDULED while a reminder waits). Without Redis the schedule row is still
 * written and the worker's reconcile job adds the missing job within a minute: nothing is lost,
 * and the route never fails because Redis is away.
 */
export const syncCommitmentReminder = async ({ db, queues, row, gone = false }: TReminderSync<TCommitmentRow>) => {
  const result = await syncReminder({ db, queues, target: commitmentTarget(row, gone) });
  if (!gone && result.commitmentStatus) row.status = result.commitmentStatus;
  return result;
};

export const syncDeadlineReminder = ({ db, queues, row, gone = false }: TReminderSync<TDeadlineRow>) =>
  syncReminder({ db, queues, target: deadlineTarget(row, gone) });

// Resource services hand hooks an untyped row; these read the columns a reminder needs.
const dateOrNull = (value: unknown) => (value instanceof Date ? value : null);

export const commitmentReminderHook: TAfterWrite = async ({ db, queues, event, row }) => {
  const commitment: TCommitmentRow = {
    id: row.id,
    userId: String(row.userId),
    remindAt: dateOrNull(row.remindAt),
    status: String(row.status),
  };
  await syncCommitmentReminder({ db, queues, row: commitment, gone: event === "delete" });
  // The route answers with `row`: show the status the sync left.
  row.status = commitment.status;
};

export const deadlineReminderHook: TAfterWrite = async ({ db, queues, event, row }) => {
  const deadline: TDeadlineRow = {
    id: row.id,
    userId: String(row.userId),
    reminderAt: dateOrNull(row.reminderAt),
    status: String(row.status),
    deletedAt: dateOrNull(row.deletedAt),
  };
  await syncDeadlineReminder({ db, queues, row: deadline, gone: event === "delete" });
};

/**
 * After an event is edited, trashed or deleted: a reminder it held (moved to its end) may go sooner, so
 * the user's held reminders are timed again (`bringHeldRemindersForward`). A new or restored event only
 * adds busy time, which the reminder's job checks when it fires.
 */
export const eventReleasesRemindersHook: TAfterWrite = async ({ db, queues, userId, event }) => {
  if (event === "create" || event === "restore") return;
  await bringHeldRemindersForward({ db, queues, userId });
};

/** How far in the past a new remind time may be and still count as "now": clocks of client and server differ a little. */
export const REMINDER_CLOCK_GRACE_MS = 5 * 60_000;

/**
 * A reminder set for a time already gone would never be sent (the queue drops stale reminders), so a
 * new one in the past is refused, naming the field. A stored time that is left as it was (an edit of
 * the title of a commitment whose reminder has been sent) is not new and passes.
 */
export const assertReminderAhead = ({
  field,
  value,
  stored,
  now = Date.now(),
}: {
  field: string;
  value: unknown;
  stored?: unknown;
  now?: number;
}) => {
  // Validated input carries a Date (the boundary turns Unix ms into one); a plain number counts the same.
  const at = value instanceof Date ? value.getTime() : typeof value === "number" ? value : null;
  if (at === null) return;
  if (stored instanceof Date && stored.getTime() === at) return;
  if (at >= now - REMINDER_CLOCK_GRACE_MS) return;
  throw new ApiError(
    "validation_failed",
    "The reminder time has already passed. Pick a time in the future, or leave the reminder empty.",
    [{ path: field, message: "must be in the future" }],
  );
};

const reminderAhead =
  (field: string): TBeforeWrite =>
  ({ input, stored }) =>
    assertReminderAhead({ field, value: input[field], stored: stored?.[field] });

export const commitmentReminderAhead = reminderAhead("remindAt");
export const deadlineReminderAhead = reminderAhead("reminderAt");
