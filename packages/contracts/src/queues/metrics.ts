import { z } from "zod";

/** One user's rolling-window consistency score for the window ending on `date` (YYYY-MM-DD, the user's local day). */
export const ZConsistencyComputeJobSchema = z.object({
  userId: z.uuid(),
  date: z.iso.date(),
  windowDays: z.number().int().min(1).max(90).default(7),
});

/** Fired daily by a job scheduler: fans out one `consistency` job per active user. */
export const ZConsistencyScheduleJobSchema = z.object({});

export const METRIC_JOBS = {
  consistency: ZConsistencyComputeJobSchema,
  "consistency-schedule": ZConsistencyScheduleJobSchema,
} as const;
