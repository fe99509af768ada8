import { runUserSchedules } from "../services/schedules/run.ts";
import type { TProcessor } from "./processor.ts";

/** Every minute: the users' due schedules (weekly report, consistency, story), each run once (services/schedules/run.ts). */
export const processScheduleRun: TProcessor<"schedules", "run"> = async (job, { db, queues, log, now }) => {
  const result = await runUserSchedules({ db, queues, now: now(), batchSize: job.data.batchSize });
  if (result.created > 0 || result.claimed > 0) log.info("user schedules run", result);
  return result;
};
