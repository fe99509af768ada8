import { addDays, localDay, userTimezone } from "@cto/core/local-days";
import { jobId } from "@cto/queue/job-options";

import { activeUsers } from "../services/consistency/active-users.ts";
import type { TProcessor } from "./processor.ts";

/** The windows scored every day: the last week and the last month. */
export const CONSISTENCY_WINDOWS = [7, 30] as const;

/**
 * One `consistency` job per active user (who has not paused their consistency schedule) and window, for
 * the user's last complete local day. Not on a timer any more: each user's CONSISTENCY schedule row runs
 * their own scores (schedules/run); this fan-out stays for an operator who queues everyone's at once.
 * The job id names user, window and day, so a second run the same day adds nothing.
 */
export const processConsistencySchedule: TProcessor<"metrics", "consistency-schedule"> = async (
  _job,
  { db, queues, log, now },
) => {
  const at = now();
  let queued = 0;
  for await (const user of activeUsers(db, at, { unlessPaused: "CONSISTENCY" })) {
    const date = addDays(localDay(at, userTimezone(user.preferences)), -1);
    for (const windowDays of CONSISTENCY_WINDOWS) {
      await queues.enqueue(
        "metrics",
        "consistency",
        { userId: user.id, date, windowDays },
        { jobId: jobId("consistency", user.id, windowDays, date) },
      );
      queued += 1;
    }
  }
  log.info("consistency scores queued", { queued });
  return { queued };
};
