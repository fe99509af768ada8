import { DelayedError, UnrecoverableError } from "bullmq";

import { deliverProactiveMessage } from "../services/telegram/deliver.ts";
import type { TProcessor } from "./processor.ts";

/**
 * Sends one proactive message. Telegram's 429 moves the job to delayed for exactly `retry_after`
 * (not counted as a BullMQ attempt); other transient errors throw, so the queue's exponential
 * backoff retries them; a blocked bot or a rejected message is a final, recorded outcome.
 */
export const processTelegramDeliver: TProcessor<"telegram", "deliver"> = async (job, { db, telegram, log, now }) => {
  // The message stays PENDING; the dispatcher hands it out again once a bot token is configured.
  if (!telegram) throw new UnrecoverableError("TELEGRAM_BOT_TOKEN is not set: Telegram delivery is off");
  const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  const result = await deliverProactiveMessage({
    db,
    bot: telegram,
    proactiveMessageId: job.data.proactiveMessageId,
    finalAttempt,
    now: now(),
  });
  if (result.outcome === "retry") {
    if (result.delayMs !== null) {
      log.warn("telegram rate limit: delivery delayed", { delayMs: result.delayMs });
      await job.moveToDelayed(Date.now() + result.delayMs, job.token);
      throw new DelayedError();
    }
    throw new Error(result.error);
  }
  if (result.outcome === "failed") {
    log.warn("telegram delivery failed", { reason: result.reason, error: result.error });
    if (result.reason === "gave_up") throw new UnrecoverableError(result.error);
  }
  return result;
};
