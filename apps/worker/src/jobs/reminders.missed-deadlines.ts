import { markMissedDeadlines } from "../services/reminders/missed-deadlines.ts";
import type { TProcessor } from "./processor.ts";

/** Every 5 minutes: deadlines past due become MISSED and their owners get an in-app message. */
export const processMissedDeadlines: TProcessor<"reminders", "missed-deadlines"> = async (_job, { db, log, now }) => {
  const result = await markMissedDeadlines({ db, now: now() });
  if (result.missed > 0) log.info("deadlines missed", result);
  return result;
};
