import { runNudges } from "../services/nudges/run.ts";
import type { TProcessor } from "./processor.ts";

/** Every 15 minutes: the coach's nudges for active users inside their working hours (services/nudges), emails included. */
export const processCoachNudges: TProcessor<"reminders", "nudges"> = async (
  job,
  { db, log, now, queues, webOrigin },
) => {
  const email = webOrigin ? { webOrigin, queues } : undefined;
  const result = await runNudges({ db, now: now(), maxUsers: job.data.maxUsers, ...(email ? { email } : {}) });
  if (result.nudges > 0) log.info("coach nudges written", result);
  return result;
};
