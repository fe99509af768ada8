import { z } from "zod";

/** A reminder due for a commitment or a deadline; `remindAt` (Unix ms) is part of the job id, so a moved reminder is a new job. */
export const ZReminderDueJobSchema = z.object({
  kind: z.enum(["commitment", "deadline"]),
  entityId: z.uuid(),
  userId: z.uuid(),
  remindAt: z.number().int().nonnegative(),
});

/** Periodic: finds reminders whose job is missing (created while Redis was away, or lost with it) and enqueues them. */
export const ZReminderReconcileJobSchema = z.object({});

/** Periodic: open deadlines past their due time become MISSED, and their owners are told in the app. */
export const ZMissedDeadlinesJobSchema = z.object({});

/** Periodic: the coach's nudges (missed check-ins, commitments at risk, deadlines due, streaks, new reports) for active users. */
export const ZCoachNudgesJobSchema = z.object({
  /** Most users looked at in one run (the rest wait for the next). */
  maxUsers: z.number().int().min(1).max(100_000).default(5_000),
});

export const REMINDER_JOBS = {
  due: ZReminderDueJobSchema,
  reconcile: ZReminderReconcileJobSchema,
  "missed-deadlines": ZMissedDeadlinesJobSchema,
  nudges: ZCoachNudgesJobSchema,
} as const;

export type TReminderDueJob = z.infer<typeof ZReminderDueJobSchema>;
