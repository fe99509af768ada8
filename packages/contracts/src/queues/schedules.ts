import { z } from "zod";

/**
 * Periodic: claims the users' schedules (weekly report, daily consistency score, weekly story) whose
 * next run has come, each exactly once whichever worker gets it, queues their work and moves each to
 * its next run. Users without their rows get them first.
 */
export const ZScheduleRunJobSchema = z.object({
  /** Most schedules one run claims (the rest wait for the next run). */
  batchSize: z.number().int().min(1).max(10_000).default(500),
});

export const SCHEDULE_JOBS = { run: ZScheduleRunJobSchema } as const;
