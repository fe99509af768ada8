import type { z } from "zod";

import type { TReportGeneration, ZGenerateReportSchema } from "@cto/contracts/api/reports";
import { ZConsistencyMetricFiltersSchema, ZReportFiltersSchema } from "@cto/contracts/api/coaching";
import { reportJobId } from "@cto/contracts/queues";
import { onDemandPeriodEnd } from "@cto/core/report-periods";
import { withinTimeout } from "@cto/queue/queues";

import { ApiError } from "../../errors.ts";
import type { TDeps } from "../deps.ts";
import { giveBackGeneration } from "../generation-quota.ts";
import { resourceService } from "../resource.ts";

// Rows the worker computes: users list and read them, only the worker writes them.

export const consistencyMetricService = resourceService({
  name: "consistency metrics",
  model: (db) => db.consistencyMetric,
  filters: ZConsistencyMetricFiltersSchema,
  where: ({ windowDays }) => ({ windowDays }),
  sorts: { periodEnd: [{ periodEnd: "desc" }] },
});

export const reportService = resourceService({
  name: "reports",
  model: (db) => db.report,
  filters: ZReportFiltersSchema,
  where: ({ type }) => ({ type }),
  sorts: { periodEnd: [{ periodEnd: "desc" }] },
});

const reportsUnavailable = () =>
  new ApiError(
    "service_unavailable",
    "Reports are written by the background worker, whose queue (Redis) is not reachable right now, so none can be made until it is back; scheduled reports wait for it too. Nothing was spent: try again once it runs.",
  );

/**
 * Queues the user's report of the last days up to now for the worker. A repeat within the same minute
 * is the same job and costs nothing more; otherwise `spendGeneration` takes one of the day's AI
 * generations first (429 past the limit), given back when nothing could be queued. 503 without Redis.
 */
export const requestReport = async ({
  db,
  queues,
  userId,
  type,
  queueTimeoutMs,
  spendGeneration,
}: TDeps & {
  userId: string;
  type: z.output<typeof ZGenerateReportSchema>["type"];
  queueTimeoutMs: number;
  spendGeneration: () => Promise<unknown>;
}): Promise<TReportGeneration> => {
  if (!queues) throw reportsUnavailable();
  const periodEnd = onDemandPeriodEnd(Date.now());
  const jobId = reportJobId(userId, type, periodEnd);
  const answer = { jobId, type: type.toLowerCase() as "two_day", periodEnd, status: "queued" as const };
  // Reads are not bounded by the app's queues (only writes are): BullMQ would wait for a Redis that is down.
  const existing = await withinTimeout(queues.queue("reports").getJob(jobId), queueTimeoutMs).catch(() => {
    throw reportsUnavailable();
  });
  if (existing) return answer;
  await spendGeneration();
  // The request is recorded before its job: a job a Redis failover drops is queued again by the worker's
  // reports/sweep (same job id), and reports/generate marks the row COMPLETED once the report is written.
  const data = { userId, type, periodEnd };
  const request = {
    userId,
    kind: "REPORT" as const,
    status: "ACTIVE" as const,
    payload: data,
    nextRunAt: new Date(),
    lastError: null,
  };
  await db.reminderSchedule.upsert({
    where: { queueName_jobId: { queueName: "reports", jobId } },
    create: { ...request, queueName: "reports", jobId },
    update: request,
  });
  try {
    await queues.enqueue("reports", "generate", data, { jobId });
  } catch {
    // Nothing was queued, so the generation is given back and the request withdrawn.
    await db.reminderSchedule.deleteMany({ where: { queueName: "reports", jobId, status: "ACTIVE" } });
    await giveBackGeneration({ db, userId });
    throw reportsUnavailable();
  }
  return answer;
};
