import { reportJobId } from "@cto/contracts/queues";

import { dueReports } from "../services/reports/due.ts";
import type { TProcessor } from "./processor.ts";

/**
 * Fired daily per report type by a job scheduler: one `generate` job per active user whose report
 * is due. The job id names user, type and period end, so a repeated fan-out queues nothing new.
 */
export const processReportSchedule: TProcessor<"reports", "schedule"> = async (job, { db, queues, log, now }) => {
  const { type } = job.data;
  let queued = 0;
  for await (const { userId, periodEnd } of dueReports(db, type, now())) {
    await queues.enqueue(
      "reports",
      "generate",
      { userId, type, periodEnd: periodEnd.getTime() },
      { jobId: reportJobId(userId, type, periodEnd.getTime()) },
    );
    queued += 1;
  }
  log.info("reports queued", { type, queued });
  return { type, queued };
};
