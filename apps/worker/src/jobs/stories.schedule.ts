import { storyJobId } from "@cto/contracts/queues";
import { isoWeekOf, storyPeriodRange } from "@cto/core/stories";

import { activeUsers } from "../services/consistency/active-users.ts";
import type { TProcessor } from "./processor.ts";

const DAY_MS = 86_400_000;

/** The ISO week or calendar month (UTC) that ended most recently before `now`. */
export const previousPeriod = (kind: "week" | "month", now: Date) => {
  if (kind === "week") return isoWeekOf(new Date(now.getTime() - 7 * DAY_MS));
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, "0")}`;
};

/**
 * Weekly and monthly: one `generate` job per active user who was around for the whole period and
 * has no story for it yet and has not paused their story schedule; the job id names user and period, so a
 * rerun queues nothing new.
 */
export const processStorySchedule: TProcessor<"stories", "schedule"> = async (job, { db, queues, log, now }) => {
  const period = previousPeriod(job.data.kind, now());
  const { start } = storyPeriodRange(period)!;
  let queued = 0;
  for await (const user of activeUsers(db, now(), { unlessPaused: "STORY" })) {
    if (user.createdAt > start) continue;
    if (await db.story.findUnique({ where: { userId_period: { userId: user.id, period } }, select: { id: true } }))
      continue;
    await queues.enqueue("stories", "generate", { userId: user.id, period }, { jobId: storyJobId(user.id, period) });
    queued += 1;
  }
  log.info("stories queued", { period, queued });
  return { period, queued };
};
