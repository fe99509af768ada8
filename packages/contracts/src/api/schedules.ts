import { z } from "zod";

/** The schedules each user has, as the API names them. */
export const USER_SCHEDULE_NAMES = ["weekly_report", "consistency", "story"] as const;
export type TUserScheduleName = (typeof USER_SCHEDULE_NAMES)[number];

export const ZUserScheduleSchema = z.object({
  id: z.string(),
  kind: z
    .enum(USER_SCHEDULE_NAMES)
    .describe(
      "weekly_report: last week's report; consistency: yesterday's consistency scores; story: last week's story",
    ),
  paused: z.boolean(),
  weekday: z
    .number()
    .int()
    .nullable()
    .describe("ISO weekday it runs on (1 = Monday … 7 = Sunday); null runs every day"),
  hour: z.number().int().describe("Local hour it runs at, 0-23, in `timezone`"),
  timezone: z.string().describe("Your profile's timezone, the one its hour is read in"),
  nextRunAt: z.number().int().nullable().describe("Unix ms of the next run; null while paused"),
  lastRunAt: z.number().int().nullable(),
  lastError: z.string().nullable().describe("Why the last run failed, if it did"),
});
export type TUserSchedule = z.infer<typeof ZUserScheduleSchema>;

export const ZUserScheduleListSchema = z.object({ items: z.array(ZUserScheduleSchema) });
export type TUserScheduleList = z.infer<typeof ZUserScheduleListSchema>;

export const ZUpdateUserScheduleSchema = z
  .object({
    paused: z.boolean().optional().describe("true pauses it; false resumes it from its next occurrence"),
    weekday: z
      .number()
      .int()
      .min(1)
      .max(7)
      .optional()
      .describe("ISO weekday (1 = Monday … 7 = Sunday); only for the weekly schedules"),
    hour: z.number().int().min(0).max(23).optional().describe("Local hour, 0-23"),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "Name at least one of paused, weekday, hour.");
export type TUpdateUserSchedule = z.infer<typeof ZUpdateUserScheduleSchema>;
