import { runRoutines } from "../services/routines/run.ts";
import type { TProcessor } from "./processor.ts";

/** Every minute: the user's routines whose time has come, each run once (services/routines/run.ts). */
export const processRoutineRun: TProcessor<"routines", "run"> = async (job, { db, ai, log, now }) => {
  const result = await runRoutines({ db, ai, log, now: now(), batchSize: job.data.batchSize });
  if (result.routines > 0) log.info("routines run", result);
  return result;
};
