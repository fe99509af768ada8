import { CALENDAR_PROVIDERS } from "@cto/contracts/api/calendars";
import { jobId } from "@cto/queue/job-options";

import type { TProcessor } from "./processor.ts";

/**
 * Periodic: a sync job for each connected calendar not synced in the last half of `everyMs`. Job ids name the
 * connection and the period, so two workers running this at once enqueue each sync once.
 */
export const processCalendarSchedule: TProcessor<"calendars", "schedule"> = async (job, { db, queues, now }) => {
  const at = now();
  const { everyMs } = job.data;
  const due = await db.connectedAccount.findMany({
    where: {
      provider: { in: [...CALENDAR_PROVIDERS] },
      syncEnabled: true,
      OR: [{ lastSyncAt: null }, { lastSyncAt: { lt: new Date(at.getTime() - everyMs / 2) } }],
    },
    select: { id: true },
  });
  const period = Math.floor(at.getTime() / everyMs);
  await Promise.all(
    due.map(({ id }) =>
      queues.enqueue("calendars", "sync", { connectionId: id }, { jobId: jobId("calendar-sync", id, period) }),
    ),
  );
  return { enqueued: due.length };
};
