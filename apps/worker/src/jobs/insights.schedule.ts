import { insightJobId } from "@cto/contracts/queues";
import { Prisma } from "@cto/db/client";

import type { TProcessor } from "./processor.ts";

const HOUR_MS = 3_600_000;

/** The whole UTC hour that ended last before `now`. */
export const previousHour = (now: Date) => {
  const to = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return { from: to - HOUR_MS, to };
};

/**
 * Hourly: one `derive` job per user who wrote to the coach, checked in, or got a consistency score or a
 * report during the hour that ended, under a job id naming user and hour, so a rerun queues nothing new
 * and each hour is read once.
 */
export const processInsightSchedule: TProcessor<"insights", "schedule"> = async (_job, { db, queues, log, now }) => {
  const { from, to } = previousHour(now());
  const [start, end] = [new Date(from), new Date(to)];
  const users = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT c.user_id AS id FROM messages m JOIN conversations c ON c.id = m.conversation_id
      WHERE m.role = 'USER' AND m.created_at >= ${start} AND m.created_at < ${end} AND c.deleted_at IS NULL
    UNION SELECT user_id FROM emotions WHERE created_at >= ${start} AND created_at < ${end}
    UNION SELECT user_id FROM energy_metrics WHERE created_at >= ${start} AND created_at < ${end}
    UNION SELECT user_id FROM consistency_metrics WHERE computed_at >= ${start} AND computed_at < ${end}
    UNION SELECT user_id FROM reports WHERE created_at >= ${start} AND created_at < ${end}`);
  for (const { id } of users)
    await queues.enqueue("insights", "derive", { userId: id, from, to }, { jobId: insightJobId(id, from) });
  log.info("insight derivations queued", { from, queued: users.length });
  return { from, to, queued: users.length };
};
