import { mailSendJobId } from "@cto/contracts/queues";
import { unsentMailIds } from "@cto/mail/messages";

import type { TProcessor } from "./processor.ts";

/** Older than this, an unsent message nobody holds has missed its own job (the API wrote it without Redis). */
export const MAIL_SWEEP_AFTER_MS = 60_000;
const BATCH = 500;

/**
 * Queues a `send` job for every unsent message nobody is sending. The job id is the message's, so one
 * already queued (or being retried) is not queued twice.
 */
export const processMailSweep: TProcessor<"mail", "sweep"> = async (_job, { db, queues, now }) => {
  const ids = await unsentMailIds(db, { now: now(), olderThanMs: MAIL_SWEEP_AFTER_MS, limit: BATCH });
  for (const id of ids) await queues.enqueue("mail", "send", { mailMessageId: id }, { jobId: mailSendJobId(id) });
  return { queued: ids.length };
};
