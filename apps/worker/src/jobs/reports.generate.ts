import { reportJobId } from "@cto/contracts/queues";
import { actingAs } from "@cto/db/replicas";

import { generateReport } from "../services/reports/generate.ts";
import type { TProcessor } from "./processor.ts";

/** One user's report for the period ending at `periodEnd`: summarised, stored once per period, embedded. */
export const processReportGenerate: TProcessor<"reports", "generate"> = async (job, { db, ai, log }) => {
  const { userId, type, periodEnd } = job.data;
  // On the user's behalf: a check-in they just made keeps the aggregates on the primary, and the report
  // written keeps their next reads there too.
  const outcome = await actingAs(userId, () =>
    generateReport({ db, ai, userId, type, periodEnd: new Date(periodEnd) }),
  );
  // An on-demand request (POST /reports) for this job is done: reports/sweep no longer queues it again.
  await db.reminderSchedule.updateMany({
    where: { queueName: "reports", jobId: reportJobId(userId, type, periodEnd), status: "ACTIVE" },
    data: { status: "COMPLETED", lastRunAt: new Date() },
  });
  if (outcome.status === "no_user") return outcome;
  if (outcome.status !== "unchanged")
    log.info("report written", { type, status: outcome.status, reportId: outcome.reportId });
  return { ...outcome, periodStart: outcome.periodStart.getTime(), periodEnd: outcome.periodEnd.getTime() };
};
