import { cleanupExpired } from "../services/maintenance/cleanup.ts";
import { purgeOrphanJobs } from "../services/maintenance/orphan-jobs.ts";
import type { TProcessor } from "./processor.ts";

/**
 * Hourly: removes expired sessions, used or expired password resets, verification and Telegram link
 * tokens, expired two-factor and passkey challenges, and queued or finished jobs of deleted accounts.
 */
export const processCleanupExpired: TProcessor<"maintenance", "cleanup-expired"> = async (
  _job,
  { db, queues, log, now },
) => {
  const counts = await cleanupExpired({ db, now: now() });
  log.info("expired credentials cleaned up", counts);
  const orphanJobs = await purgeOrphanJobs({ db, queues });
  if (orphanJobs.removed || orphanJobs.events) log.info("jobs of deleted accounts removed", orphanJobs);
  return { ...counts, orphanJobs };
};
