import type { Db } from "@cto/db/client";
import type { TQueues } from "@cto/queue/queues";
import { commitmentTarget, deadlineTarget, syncReminder } from "@cto/queue/reminders";

import type { TAfterWrite } from "../lib/resource.ts";

type TCommitmentRow = { id: string; userId: string; remindAt: Date | null; status: string };
type TDeadlineRow = { id: string; userId: string; reminderAt: Date | null; status: string; deletedAt: Date | null };

/**
 * After any write to a commitment: its reminder follows (scheduled, moved or cancelled, see
 * `syncReminder`). The row is the one the route answers with, so its status is updated in place to
 * what the sync wrote (SCHEDULED while a reminder waits). Without Redis the schedule row is still
 * written and the worker's reconcile job adds the missing job within a minute: nothing is lost,
 * and the route never fails because Redis is away.
 */
export const syncCommitmentReminder = async ({ db, queues, row, gone = false }: { db: Db; queues: TQueues | null; row: TCommitmentRow; gone?: boolean }) => {
  const result = await syncReminder({ db, queues, target: commitmentTarget(row, gone) });
  if (!gone && result.commitmentStatus) row.status = result.commitmentStatus;
  return result;
};

export const syncDeadlineReminder = ({ db, queues, row, gone = false }: { db: Db; queues: TQueues | null; row: TDeadlineRow; gone?: boolean }) =>
  syncReminder({ db, queues, target: deadlineTarget(row, gone) });

// The generic routes hand hooks an untyped row; these read the columns a reminder needs.
const dateOrNull = (value: unknown) => (value instanceof Date ? value : null);

export const commitmentReminderHook: TAfterWrite = async ({ c, db, event, row }) => {
  const commitment: TCommitmentRow = { id: row.id, userId: String(row.userId), remindAt: dateOrNull(row.remindAt), status: String(row.status) };
  await syncCommitmentReminder({ db, queues: c.get("queues"), row: commitment, gone: event === "delete" });
  // The route answers with `row`: show the status the sync left.
  row.status = commitment.status;
};

export const deadlineReminderHook: TAfterWrite = async ({ c, db, event, row }) => {
  const deadline: TDeadlineRow = { id: row.id, userId: String(row.userId), reminderAt: dateOrNull(row.reminderAt), status: String(row.status), deletedAt: dateOrNull(row.deletedAt) };
  await syncDeadlineReminder({ db, queues: c.get("queues"), row: deadline, gone: event === "delete" });
};
