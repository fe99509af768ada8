import { computeConsistency } from "../services/consistency/compute.ts";
import type { TProcessor } from "./processor.ts";

/** One user's rolling-window adherence score into ConsistencyMetric (upserted: a rerun replaces its row). */
export const processConsistency: TProcessor<"metrics", "consistency"> = async (job, { db, now }) => {
  const { userId, date, windowDays } = job.data;
  const outcome = await computeConsistency({ db, userId, date, windowDays, now: now() });
  return outcome.status === "written"
    ? { ...outcome, periodStart: outcome.periodStart.getTime(), periodEnd: outcome.periodEnd.getTime() }
    : outcome;
};
