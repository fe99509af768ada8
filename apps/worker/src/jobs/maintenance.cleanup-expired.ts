import { cleanupExpired } from "../services/maintenance/cleanup.ts";
import type { TProcessor } from "./processor.ts";

/** Hourly: removes expired sessions, used or expired password resets, verification and Telegram link tokens. */
export const processCleanupExpired: TProcessor<"maintenance", "cleanup-expired"> = async (_job, { db, log, now }) => {
  const counts = await cleanupExpired({ db, now: now() });
  log.info("expired credentials cleaned up", counts);
  return counts;
};
