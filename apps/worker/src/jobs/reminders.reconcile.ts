import { ZReminderDueJobSchema } from "@cto/contracts/queues";
import { REMINDER_QUEUE, enqueueReminder } from "@cto/core/reminders";

import type { TProcessor } from "./processor.ts";

const BATCH = 200;

/**
 * "Nothing lost": every ACTIVE reminder schedule in the database must have its job in Redis. A
 * schedule written while Redis was away (the API commits the row and leaves the job to this) or
 * whose job vanished with a Redis restart without persistence gets its job added again, delayed to
 * its `nextRunAt` (at once when that has passed). Existing jobs are left alone; the job id is the
 * domain's, so a race with the API adding the same job is one job.
 */
export const processRemindersReconcile: TProcessor<"reminders", "reconcile"> = async (
  _job,
  { db, queues, log, now },
) => {
  const queue = queues.queue(REMINDER_QUEUE);
  let cursor: string | undefined;
  let checked = 0;
  let enqueued = 0;
  let invalid = 0;
  for (;;) {
    const rows = await db.reminderSchedule.findMany({
      where: { queueName: REMINDER_QUEUE, status: "ACTIVE" },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, jobId: true, payload: true, nextRunAt: true },
    });
    if (!rows.length) break;
    cursor = rows.at(-1)!.id;
    checked += rows.length;
    const present = await Promise.all(rows.map((row) => queue.getJob(row.jobId).then(Boolean)));
    for (const [index, row] of rows.entries()) {
      if (present[index]) continue;
      const payload = ZReminderDueJobSchema.safeParse(row.payload);
      if (!payload.success) {
        invalid += 1;
        await db.reminderSchedule.update({
          where: { id: row.id },
          data: { status: "FAILED", lastError: `unreadable payload: ${payload.error.message}` },
        });
        continue;
      }
      await enqueueReminder(queues, payload.data, row.nextRunAt ?? now(), now());
      enqueued += 1;
    }
    if (rows.length < BATCH) break;
  }
  if (enqueued || invalid) log.info("reminders reconciled", { checked, enqueued, invalid });
  return { checked, enqueued, invalid };
};
