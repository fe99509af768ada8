import { z } from "zod";

import { ReportType } from "../enums.ts";

// Queue payloads are internal: they carry the database's enum values, not the API's lowercase ones.
const ZReportKindSchema = z.enum(ReportType);

/** One user's report for the period ending at `periodEnd` (Unix ms). */
export const ZReportGenerateJobSchema = z.object({
  userId: z.uuid(),
  type: ZReportKindSchema,
  periodEnd: z.number().int().nonnegative(),
});

/** Fired by a job scheduler: fans out one `generate` job per active user whose report of this type is due. */
export const ZReportScheduleJobSchema = z.object({ type: ZReportKindSchema });

/** A report job's id from the domain (user, type, period end), shared by the scheduler and the API. */
export const reportJobId = (userId: string, type: z.infer<typeof ZReportKindSchema>, periodEnd: number) =>
  `report.${userId}.${type}.${periodEnd}`;

/**
 * Periodic: queues `generate` again for every on-demand report (POST /reports) the database records as
 * requested and not yet written whose job Redis no longer holds (lost in a failover). Same job id, so a no-op otherwise.
 */
export const ZReportSweepJobSchema = z.object({});

export const REPORT_JOBS = {
  generate: ZReportGenerateJobSchema,
  schedule: ZReportScheduleJobSchema,
  sweep: ZReportSweepJobSchema,
} as const;

export type TReportGenerateJob = z.infer<typeof ZReportGenerateJobSchema>;
