import { z } from "zod";

/** One AI story for a user's month (YYYY-MM) or ISO week (YYYY-Www); unique per user and period. */
export const ZStoryGenerateJobSchema = z.object({
  userId: z.uuid(),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4]\d|5[0-3]))$/, "a month (YYYY-MM) or an ISO week (YYYY-Www)"),
});

/** Fired by a job scheduler: one `generate` job per active user for the ISO week or month that just ended. */
export const ZStoryScheduleJobSchema = z.object({ kind: z.enum(["week", "month"]) });

/** A story job's id from the domain: one per user and period. */
export const storyJobId = (userId: string, period: string) => `story.${userId}.${period}`;

export const STORY_JOBS = { generate: ZStoryGenerateJobSchema, schedule: ZStoryScheduleJobSchema } as const;
