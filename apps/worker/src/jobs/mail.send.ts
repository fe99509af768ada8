import { DelayedError } from "bullmq";

import { attemptMail } from "@cto/mail/messages";

import type { TProcessor } from "./processor.ts";

/**
 * Sends one email from mail_messages. A refusing or unreachable server throws, so the queue's exponential
 * backoff retries it (MAIL_RETRY); the last attempt marks the message FAILED with its bodies kept, logs it,
 * and leaves the job failed in Bull Board, where retrying it sends the message again. A message another
 * sender holds (the API sending it itself) waits until that claim ends.
 */
export const processMailSend: TProcessor<"mail", "send"> = async (job, { db, mail, log }) => {
  const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  const result = await attemptMail({ db, transport: mail, id: job.data.mailMessageId, final, includeFailed: true });
  if (result.outcome === "busy") {
    await job.moveToDelayed(result.until.getTime(), job.token);
    throw new DelayedError();
  }
  if (result.outcome === "failed") {
    const fields = { mailMessageId: job.data.mailMessageId, attempts: result.attempts, error: result.error };
    if (result.final)
      log.error(
        "email not sent after its last attempt: kept as FAILED; retry its job in Bull Board to send it again",
        fields,
      );
    else log.warn("email not sent, will retry", fields);
    throw new Error(`email not sent: ${result.error}`);
  }
  return result;
};
