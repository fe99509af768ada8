import { z } from "zod";

/**
 * Periodic: claims the routines whose next run has come (each exactly once, whichever worker gets it),
 * writes the coach's answer to each as a proactive message and moves it to its next occurrence.
 */
export const ZRoutineRunJobSchema = z.object({
  /** Most routines one run claims (the rest wait for the next run). */
  batchSize: z.number().int().min(1).max(10_000).default(200),
});

export const ROUTINE_JOBS = { run: ZRoutineRunJobSchema } as const;
