import type { Job } from "bullmq";

import type { Db } from "@cto/db/client";
import { idsInJobIds, purgeEventsNaming, purgeJobs } from "@cto/queue/purge";
import type { TQueues } from "@cto/queue/queues";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idIn = (job: Job, field: "userId" | "proactiveMessageId") => {
  const value = (job.data as Record<string, unknown> | null)?.[field];
  return typeof value === "string" && UUID.test(value) ? value.toLowerCase() : null;
};

/**
 * The backstop of account deletion (DELETE /me purges at once, but Redis may have been away, a job
 * running, or the purge out of time): removes every resting job whose user, or whose Telegram
 * message, no longer exists, and the queues' event entries that name them. Idempotent; hourly with
 * the rest of the clean-up.
 */
export const purgeOrphanJobs = async ({ db, queues }: { db: Db; queues: TQueues }) => {
  const gone = new Set<string>();
  const result = await purgeJobs(queues, async (jobs) => {
    const users = [...new Set(jobs.map((job) => idIn(job, "userId")).filter((id) => id !== null))];
    const messages = [...new Set(jobs.map((job) => idIn(job, "proactiveMessageId")).filter((id) => id !== null))];
    const [liveUsers, liveMessages] = await Promise.all([
      users.length ? db.user.findMany({ where: { id: { in: users } }, select: { id: true } }) : [],
      messages.length ? db.proactiveMessage.findMany({ where: { id: { in: messages } }, select: { id: true } }) : [],
    ]);
    const live = new Set([...liveUsers, ...liveMessages].map((row) => row.id.toLowerCase()));
    for (const id of [...users, ...messages]) if (!live.has(id)) gone.add(id);
    return jobs.filter((job) =>
      [idIn(job, "userId"), idIn(job, "proactiveMessageId")].some((id) => id !== null && gone.has(id)),
    );
  });
  return {
    removed: result.removed,
    busy: result.busy,
    events: await purgeEventsNaming(queues, [...gone, ...idsInJobIds(result.removedIds)]),
  };
};
