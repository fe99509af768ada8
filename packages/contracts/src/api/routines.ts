import { z } from "zod";

import { ZClockSchema, ZTimezoneSchema } from "../time.ts";
import { zText } from "../values.ts";

/** Days a routine may run on, Monday first (stored as ISO numbers, 1 = Monday … 7 = Sunday). */
export const ROUTINE_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type TRoutineDay = (typeof ROUTINE_DAYS)[number];
/** How many routines one user keeps; one more is refused (409) until one is deleted. */
export const MAX_ROUTINES_PER_USER = 20;
export const MAX_ROUTINE_PROMPT_CHARS = 2_000;
export const MAX_ROUTINE_TITLE_CHARS = 120;

export const ZRoutineScheduleSchema = z.object({
  days: z
    .array(z.enum(ROUTINE_DAYS))
    .min(1, "Pick at least one day.")
    .max(7)
    .refine((days) => new Set(days).size === days.length, "Name each day once.")
    .describe("Days of the week it runs on"),
  time: ZClockSchema.describe("Local time it runs at, 24-hour HH:MM"),
  timezone: ZTimezoneSchema.nullable()
    .optional()
    .describe("IANA timezone the time is read in; null or absent follows your profile's timezone"),
});
export type TRoutineSchedule = z.infer<typeof ZRoutineScheduleSchema>;

export const ZCreateRoutineSchema = z.object({
  title: zText().trim().min(1).max(MAX_ROUTINE_TITLE_CHARS),
  prompt: zText().trim().min(1).max(MAX_ROUTINE_PROMPT_CHARS).describe("What the coach is asked at each run"),
  schedule: ZRoutineScheduleSchema,
  enabled: z.boolean().optional().describe("false creates it paused"),
});
export type TCreateRoutine = z.input<typeof ZCreateRoutineSchema>;

export const ZUpdateRoutineSchema = ZCreateRoutineSchema.partial().describe(
  "Any of the fields; enabled false pauses the routine, true resumes it from the next occurrence",
);
export type TUpdateRoutine = z.input<typeof ZUpdateRoutineSchema>;

export const ZRoutineSchema = z.object({
  id: z.string(),
  title: z.string(),
  prompt: z.string(),
  schedule: z.object({
    days: z.array(z.enum(ROUTINE_DAYS)),
    time: z.string(),
    timezone: z.string().nullable(),
  }),
  timezone: z.string().describe("The timezone its times are read in now (its own, or your profile's)"),
  enabled: z.boolean(),
  nextRunAt: z.number().int().nullable().describe("Unix ms of the next run; null while paused"),
  lastRunAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type TRoutine = z.infer<typeof ZRoutineSchema>;

export const ZRoutinePageSchema = z.object({ items: z.array(ZRoutineSchema), nextCursor: z.string().nullable() });
export type TRoutinePage = z.infer<typeof ZRoutinePageSchema>;
