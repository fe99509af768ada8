import { deriveInsights } from "../services/insights/derive.ts";
import type { TProcessor } from "./processor.ts";

/**
 * One user's insights from their messages and check-ins of one window (services/insights/derive.ts).
 * A provider failure or a malformed answer fails the job, which BullMQ retries with backoff; a rerun
 * adds nothing already stored.
 */
export const processInsightDerive: TProcessor<"insights", "derive"> = async (job, { db, ai, log }) => {
  const { userId, from, to } = job.data;
  if (!(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) return { status: "no_user" };
  const result = await deriveInsights({ db, ai, userId, from, to });
  log.info("insights derived", { items: result.items, created: result.created.length, duplicates: result.duplicates });
  return { status: "done", ...result };
};
