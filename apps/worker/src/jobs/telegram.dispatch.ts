import { telegramDeliveryJobId } from "@cto/contracts/queues";

import { duePendingMessages } from "../services/telegram/dispatch.ts";
import type { TProcessor } from "./processor.ts";

/**
 * Periodic: queues a delivery for every due, pending Telegram message (004's pending-messages
 * query), whoever created it (reminders, coach replies, reports). A message whose earlier job
 * already finished but which is still PENDING in the database (its user linked Telegram since,
 * or the bot token was missing) gets a fresh job; waiting, delayed and active jobs are left alone.
 */
export const processTelegramDispatch: TProcessor<"telegram", "dispatch"> = async (
  _job,
  { db, queues, telegram, log, now },
) => {
  if (!telegram) return { queued: 0, disabled: true };
  const queue = queues.queue("telegram");
  const due = await duePendingMessages({ db, now: now() });
  let queued = 0;
  for (const { id } of due) {
    const jobId = telegramDeliveryJobId(id);
    const existing = await queue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (state !== "completed" && state !== "failed") continue;
      await existing.remove().catch(() => undefined);
    }
    await queues.enqueue("telegram", "deliver", { proactiveMessageId: id }, { jobId });
    queued += 1;
  }
  if (queued) log.info("telegram deliveries queued", { due: due.length, queued });
  return { queued };
};
