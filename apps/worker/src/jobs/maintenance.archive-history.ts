import { archiveHistory } from "../services/maintenance/history.ts";
import type { TProcessor } from "./processor.ts";

/**
 * Daily: months of messages past HISTORY_HOT_MONTHS (with their AI responses) into the archive's month
 * partitions, and archived months past HISTORY_ARCHIVE_MONTHS dropped (both off unless set).
 */
export const processArchiveHistory: TProcessor<"maintenance", "archive-history"> = async (job, { db, log, now }) => {
  const result = await archiveHistory({ db, now: now(), ...job.data });
  if (result.messages || result.monthsCreated || result.monthsDropped.length)
    log.info("history archived", { ...job.data, ...result });
  if (result.more) log.info("history archive: more to move, the next run goes on", { batches: result.batches });
  return result;
};
