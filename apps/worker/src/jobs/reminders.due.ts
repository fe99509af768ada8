import { DelayedError } from "bullmq";

import { REMINDER_QUEUE, reminderJobId } from "@cto/core/reminders";
import { deliveryTime, readReminderPreferences } from "@cto/core/working-hours";

import { loadSubject, reminderText } from "../services/reminders/subject.ts";
import type { TProcessor } from "./processor.ts";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A reminder's time has come. State first: the schedule must still be ACTIVE and the commitment or
 * deadline open with the same remind time, otherwise nothing happens (the job was outdated). Then one
 * transaction claims the schedule (ACTIVE → COMPLETED, a conditional update, so two workers racing on
 * one reminder cannot both pass), writes the proactive messages with domain dedupe keys, and moves
 * the commitment SCHEDULED → PENDING (a FAILED schedule, retried from Bull Board, may be claimed too). A crash before the commit rolls everything back and the retry
 * starts over; a crash after it leaves a COMPLETED schedule, so the retry does nothing. Exactly once.
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

const RUNNABLE = ["ACTIVE", "FAILED"] as const;

const deliver: TProcessor<"reminders", "due"> = async (job, { db, log, now, fault }) => {
  const { kind, entityId, userId, remindAt } = job.data;
  const id = reminderJobId(kind, entityId, remindAt);
  const schedule = await db.reminderSchedule.findUnique({
    where: { queueName_jobId: { queueName: REMINDER_QUEUE, jobId: id } },
  });
  if (!schedule || !RUNNABLE.includes(schedule.status as (typeof RUNNABLE)[number]))
    return { outcome: "skipped", reason: schedule ? `schedule is ${schedule.status}` : "no schedule" };

  const subject = await loadSubject(db, job.data);
  if (!subject?.open || subject.remindAt?.getTime() !== remindAt) {
    await db.reminderSchedule.updateMany({
      where: { id: schedule.id, status: { in: [...RUNNABLE] } },
      data: { status: "CANCELLED", nextRunAt: null },
    });
    return { outcome: "skipped", reason: subject ? "reminder no longer wanted" : `${kind} is gone` };
  }

  const user = await db.user.findUnique({
    where: { id: userId },
    select: { preferences: true, telegramConnection: { select: { isActive: true } } },
  });
  const preferences = readReminderPreferences(user?.preferences);
  const at = now();
  // The working hours may have changed since the job was scheduled: outside them, wait for their next start.
  const deliverAt = deliveryTime(at, preferences);
  if (deliverAt.getTime() > at.getTime()) {
    await db.reminderSchedule.update({ where: { id: schedule.id }, data: { nextRunAt: deliverAt } });
    await job.moveToDelayed(deliverAt.getTime(), job.token);
    log.info("reminder outside working hours, moved", { deliverAt: deliverAt.toISOString() });
    throw new DelayedError();
  }

  const telegram = preferences.telegram && Boolean(user?.telegramConnection?.isActive);
  // In-app is the floor: a user who turned it off still gets it when no Telegram chat could carry it.
  const channels = [
    ...(preferences.inApp || !telegram ? (["IN_APP"] as const) : []),
    ...(telegram ? (["TELEGRAM"] as const) : []),
  ];
  const content = reminderText(kind, subject, preferences.timezone);
  const context = {
    type: "reminder",
    kind,
    entityId,
    remindAt: new Date(remindAt).toISOString(),
    goalId: subject.goalId,
  };

  const delivered = await db.$transaction(
    async (tx) => {
      const claimed = await tx.reminderSchedule.updateMany({
        where: { id: schedule.id, status: { in: [...RUNNABLE] } },
        data: { status: "COMPLETED", lastRunAt: at, nextRunAt: null, lastError: null },
      });
      if (claimed.count === 0) return false;
      await tx.proactiveMessage.createMany({
        skipDuplicates: true,
        data: channels.map((channel) => ({
          userId,
          content,
          context,
          channel,
          scheduledFor: at,
          // In-app is delivered by being written; Telegram ones stay PENDING for the Telegram dispatcher.
          ...(channel === "IN_APP" ? { status: "SENT" as const, sentAt: at } : { status: "PENDING" as const }),
          commitmentId: kind === "commitment" ? entityId : null,
          dedupeKey: `${id}.${channel}`,
        })),
      });
      if (fault?.point === "in-transaction") await pause(fault.delayMs);
      if (kind === "commitment")
        await tx.commitment.updateMany({ where: { id: entityId, status: "SCHEDULED" }, data: { status: "PENDING" } });
      return true;
    },
    // A burst of due reminders queues for the pool's connections: wait for one rather than fail the attempt.
    { maxWait: 10_000, timeout: 15_000 + (fault?.delayMs ?? 0) },
  );
  if (!delivered) return { outcome: "skipped", reason: "already delivered" };
  if (fault?.point === "after-commit") await pause(fault.delayMs);
  return { outcome: "delivered", channels };
};
