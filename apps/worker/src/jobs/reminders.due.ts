import { DelayedError } from "bullmq";

import { REMINDER_QUEUE, reminderJobId } from "@cto/core/reminders";

import { deliverReminder } from "../services/reminders/deliver.ts";
import type { TProcessor } from "./processor.ts";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A reminder's time has come. State first: the schedule must still be ACTIVE and the commitment or
 * deadline open with the same remind time, otherwise nothing happens (the job was outdated). Then one
 * transaction claims the schedule (ACTIVE → COMPLETED, a conditional update, so two workers racing on
 * one reminder cannot both pass), writes the proactive messages with domain dedupe keys, and moves
 * the commitment SCHEDULED → PENDING (a FAILED schedule, retried from Bull Board, may be claimed too).
 * A crash before the commit rolls everything back and the retry starts over; a crash after it leaves a
 * COMPLETED schedule, so the retry does nothing. Exactly once. Reminders due together in this process
 * share that read and that transaction (`deliverReminder`), which also takes along other reminders
 * already due that can go now; the job completes once its batch committed.
 */
export const processReminderDue: TProcessor<"reminders", "due"> = async (job, deps) => {
  try {
    return await deliver(job, deps);
  } catch (error) {
    if (error instanceof DelayedError) throw error;
    // The schedule records the failure; after the last attempt it is FAILED, which reconcile leaves
    // alone (the failed job is in Bull Board) and a retry from there may still claim.
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const { kind, entityId, remindAt } = job.data;
    await deps.db.reminderSchedule
      .updateMany({
        where: {
          queueName: REMINDER_QUEUE,
          jobId: reminderJobId(kind, entityId, remindAt),
          status: { in: ["ACTIVE", "FAILED"] },
        },
        data: { lastError: (error as Error).message.slice(0, 2_000), ...(final ? { status: "FAILED" as const } : {}) },
      })
      .catch(() => undefined);
    throw error;
  }
};

const deliver: TProcessor<"reminders", "due"> = async (job, deps) => {
  const result = await deliverReminder(job.data, deps);
  if (result.outcome === "delay") {
    await deps.db.reminderSchedule.update({ where: { id: result.scheduleId }, data: { nextRunAt: result.deliverAt } });
    await job.moveToDelayed(result.deliverAt.getTime(), job.token);
    deps.log.info("reminder outside working hours or during a busy event, moved", {
      deliverAt: result.deliverAt.toISOString(),
    });
    throw new DelayedError();
  }
  if (result.outcome === "delivered" && deps.fault?.point === "after-commit") await pause(deps.fault.delayMs);
  return result;
};
