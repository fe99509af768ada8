import { clearAiBodies, daysBefore, purgeTrash } from "../services/maintenance/retention.ts";
import type { TProcessor } from "./processor.ts";

/**
 * Daily: the trash past TRASH_RETENTION_DAYS deleted for good, and AI request and response bodies past
 * AI_BODY_RETENTION_DAYS cleared (the schedule carries both settings, from the worker's env).
 */
export const processRetention: TProcessor<"maintenance", "retention"> = async (job, { db, storage, log, now }) => {
  const at = now();
  const { trashDays, aiBodyDays, batchSize } = job.data;
  const trash = await purgeTrash({ db, storage, log, before: daysBefore(at, trashDays), batchSize });
  const aiBodies = await clearAiBodies({ db, before: daysBefore(at, aiBodyDays) });
  log.info("retention applied", { trashDays, aiBodyDays, trash, aiBodies });
  return { trash, aiBodies };
};
