import { z } from "zod";

import { ReportType } from "../enums.ts";
import { zApiEnum } from "../boundary.ts";

// The JSON a report carries in `payload`, for dashboards: it is stored as the API shows it
// (lowercase enums, Unix-millisecond timestamps, YYYY-MM-DD local days), so the web app charts it as is.

const ZLocalDaySchema = z.iso.date().describe("A day in the user's timezone, YYYY-MM-DD");
const ZMsSchema = z.number().int().describe("Unix milliseconds");
const ZRateSchema = z.number().min(0).max(1).nullable().describe("0–1; null when there was nothing to count");

export const ZReportEmotionPointSchema = z.object({
  at: ZMsSchema,
  label: z.string(),
  valence: z.enum(["positive", "neutral", "negative"]),
  intensity: z.number().int().min(1).max(10),
});
/** One local day of check-ins; `valence` is the mean of +1 / 0 / −1 over the day, `intensity` the mean intensity. */
export const ZReportEmotionDaySchema = z.object({
  date: ZLocalDaySchema,
  count: z.number().int().min(0),
  valence: z.number().min(-1).max(1).nullable(),
  intensity: z.number().min(1).max(10).nullable(),
});
export const ZReportEnergyDaySchema = z.object({
  date: ZLocalDaySchema,
  count: z.number().int().min(0),
  average: z.number().min(1).max(10).nullable(),
});

export const ZReportPayloadSchema = z.object({
  version: z.literal(1),
  period: z.object({ start: ZMsSchema, end: ZMsSchema, days: z.number().int().min(1), timezone: z.string() }),
  emotions: z.object({
    points: z.array(ZReportEmotionPointSchema).describe("Every check-in of the period, oldest first"),
    daily: z
      .array(ZReportEmotionDaySchema)
      .describe("One entry per day of the period, days without check-ins included"),
    topLabels: z.array(z.object({ label: z.string(), count: z.number().int().min(1) })).max(5),
  }),
  energy: z.object({
    points: z.array(z.object({ at: ZMsSchema, level: z.number().int().min(1).max(10) })),
    daily: z.array(ZReportEnergyDaySchema),
    average: z.number().min(1).max(10).nullable(),
    /** Least-squares slope of the daily averages, in levels per day. */
    slopePerDay: z.number().nullable(),
    trend: z.enum(["rising", "falling", "steady", "unknown"]),
  }),
  commitments: z.object({
    due: z.number().int().min(0).describe("Commitments due in the period"),
    completed: z.number().int().min(0),
    skipped: z.number().int().min(0),
    open: z.number().int().min(0).describe("Due in the period and neither completed nor skipped"),
    completionRate: ZRateSchema,
    daily: z.array(
      z.object({ date: ZLocalDaySchema, completed: z.number().int().min(0), skipped: z.number().int().min(0) }),
    ),
  }),
  consistency: z.object({
    score: z.number().min(0).max(100).nullable(),
    windowDays: z.number().int().min(1),
    notes: z.string().nullable(),
  }),
  insights: z
    .array(z.object({ id: z.uuid(), title: z.string().nullable(), content: z.string(), createdAt: ZMsSchema }))
    .max(5),
  goals: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      status: z.enum(["active", "completed", "archived"]),
      progress: z.number().int().min(0).max(100),
      deadline: ZMsSchema.nullable(),
      completedInPeriod: z.boolean(),
    }),
  ),
});
export type TReportPayload = z.infer<typeof ZReportPayloadSchema>;

export const REPORT_DAYS = { TWO_DAY: 2, SEVEN_DAY: 7, TWENTY_ONE_DAY: 21 } as const satisfies Record<
  keyof typeof ReportType,
  number
>;

export const ZGenerateReportSchema = z.object({
  type: zApiEnum(ReportType).describe(
    "two_day, seven_day or twenty_one_day: the period ending at the start of your today",
  ),
});

/** POST /reports answers 202 with the job that will write the report; it appears in GET /reports once written. */
export const ZReportGenerationSchema = z.object({
  jobId: z.string().describe("The background job; asking again within the same minute answers the same job"),
  type: z.enum(["two_day", "seven_day", "twenty_one_day"]),
  periodEnd: ZMsSchema.describe("The report covers its days up to this instant (now, to the minute)"),
  status: z.literal("queued"),
});
export type TReportGeneration = z.infer<typeof ZReportGenerationSchema>;
