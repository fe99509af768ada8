import { reportJobId, ZReportGenerateJobSchema } from "@cto/contracts/queues";

import type { TProcessor } from "./processor.ts";

/** Requested longer ago than this and no job in Redis: its job was lost (or the API is between its write and its enqueue). */
export const REPORT_SWEEP_AFTER_MS = 60_000;
/**
 * Requested longer ago than this and still not written: the job failed for good (its retries spent) or keeps
 * failing, so the request is given up (FAILED) rather than queued again forever; the user can ask again.
 */
export const REPORT_REQUEST_EXPIRES_MS = 24 * 60 * 60_000;
const BATCH = 200;

/**
 * Queues `generate` again for on-demand reports (POST /reports) still requested. The API records each request
 * as an ACTIVE `reminder_schedules` row (kind REPORT, queue `reports`, the job's id, its payload, `nextRunAt` the
 * time asked) before it queues the job, and `reports/generate` marks it COMPLETED once the report is written.
 * Redis replicates asynchronously, so a failover may drop the job; the row is the truth. Same job id, so a job
 * Redis still holds (waiting, running, retrying or finished) is not queued twice.
 */
export const processReportSweep: TProcessor<"reports", "sweep"> = async (_job, { db, queues, now }) => {
  const rows = await db.reminderSchedule.findMany({
    where: {
      status: "ACTIVE",
      nextRunAt: { lt: new Date(now().getTime() - REPORT_SWEEP_AFTER_MS) },
      queueName: "reports",
      kind: "REPORT",
      // A user's weekly report schedule (a cadence) is schedules/run's, not a request.
      cadence: null,
    },
    select: { id: true, jobId: true, payload: true, nextRunAt: true },
    orderBy: { nextRunAt: "asc" },
    take: BATCH,
  });
  let queued = 0;
  let invalid = 0;
  let expired = 0;
  const expiredBefore = now().getTime() - REPORT_REQUEST_EXPIRES_MS;
  for (const row of rows) {
    if (row.nextRunAt && row.nextRunAt.getTime() < expiredBefore) {
      expired += 1;
      await db.reminderSchedule.update({
        where: { id: row.id },
        data: { status: "FAILED", lastError: "the report was not written within a day of the request" },
      });
      continue;
    }
    const payload = ZReportGenerateJobSchema.safeParse(row.payload);
    if (!payload.success || reportJobId(payload.data.userId, payload.data.type, payload.data.periodEnd) !== row.jobId) {
      invalid += 1;
      await db.reminderSchedule.update({
        where: { id: row.id },
        data: { status: "FAILED", lastError: "unreadable report request" },
      });
      continue;
    }
    if (await queues.queue("reports").getJob(row.jobId)) continue;
    await queues.enqueue("reports", "generate", payload.data, { jobId: row.jobId });
    queued += 1;
  }
  return { requested: rows.length, queued, invalid, expired };
};
