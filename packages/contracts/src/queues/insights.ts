import { z } from "zod";

/**
 * Derives insights from one user's messages and check-ins written in [from, to) (Unix ms): each
 * window is read once, so an insight the user forgot is never derived again from what it came from.
 */
export const ZInsightDeriveJobSchema = z
  .object({ userId: z.uuid(), from: z.number().int().nonnegative(), to: z.number().int().positive() })
  .refine((window) => window.from < window.to, { message: "from must be before to", path: ["to"] });

/** Fired hourly by a job scheduler: one `derive` job per user who wrote or checked in during the hour that ended. */
export const ZInsightScheduleJobSchema = z.object({});

/** A derive job's id: one per user and window. */
export const insightJobId = (userId: string, from: number) => `insights.${userId}.${from}`;

export const INSIGHT_JOBS = { derive: ZInsightDeriveJobSchema, schedule: ZInsightScheduleJobSchema } as const;
