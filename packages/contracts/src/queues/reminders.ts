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

export const REMINDER_JOBS = {
  due: ZReminderDueJobSchema,
  reconcile: ZReminderReconcileJobSchema,
  "missed-deadlines": ZMissedDeadlinesJobSchema,
} as const;

export type TReminderDueJob = z.infer<typeof ZReminderDueJobSchema>;
