import { mailSendJobId } from "@cto/contracts/queues";
import type { Db } from "@cto/db/client";
import type { TLogger } from "@cto/log/logger";
import { MAIL_CLAIM_MS, recordMail, sendClaimedMail, attemptMail, type TAttemptOutcome } from "@cto/mail/messages";
import { renderMail, type TMailTemplate } from "@cto/mail/templates";
import type { TMailTransport } from "@cto/mail/transport";
import { exponentialDelay, MAIL_RETRY } from "@cto/queue/job-options";
import type { TQueues } from "@cto/queue/queues";

export { createOutboxMailer, type TOutboxMailer as OutboxMailer } from "@cto/mail/dev-outbox";
export type Mailer = TMailTransport;

/** The API's own attempts at an email when no queue takes it: the same count and backoff as the mail queue's. */
export type TMailRetry = { attempts: number; delayMs: number };
export const API_MAIL_RETRY: TMailRetry = { attempts: MAIL_RETRY.attempts, delayMs: MAIL_RETRY.backoff.delay };

export type TPost = {
  userId: string;
  to: string;
  template: TMailTemplate;
  headers?: Record<string, string>;
};

export type TPostman = {
  /**
   * Writes the email to mail_messages (from then on it is not lost), then hands it to the mail queue; without
   * a queue (no Redis, or Redis not answering) this process sends it itself, in the background. Never waits
   * for the mail server: a slow or dead one holds no request.
   */
  post: (mail: TPost) => Promise<{ id: string }>;
  /** Resolves once every send this process started itself has ended (tests; a clean stop). */
  settled: () => Promise<void>;
};

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export const createPostman = ({
  db,
  transport,
  queues,
  log,
  retry = API_MAIL_RETRY,
}: {
  db: Db;
  transport: TMailTransport;
  queues: TQueues | null;
  log: TLogger;
  retry?: TMailRetry;
}): TPostman => {
  const sending = new Set<Promise<void>>();

  /** Until when a failed attempt `attempt` holds the message: its backoff, then a whole claim for the next attempt. */
  const holdAfter = (attempt: number) =>
    new Date(Date.now() + exponentialDelay(attempt, retry.delayMs) + MAIL_CLAIM_MS);

  /** The first attempt, then more with exponential backoff, holding the message in between (nobody else takes it). */
  const sendHere = async (id: string, first: (holdUntil: Date) => Promise<TAttemptOutcome>) => {
    let held = holdAfter(1);
    let outcome = await first(held);
    for (let attempt = 1; outcome.outcome === "failed"; attempt += 1) {
      const fields = { mailMessageId: id, attempts: outcome.attempts, error: outcome.error };
      if (outcome.final) {
        log.error(fields, "email not sent after its last attempt: kept as FAILED in mail_messages");
        return;
      }
      log.warn(fields, "email not sent, will retry");
      await pause(exponentialDelay(attempt, retry.delayMs));
      const heldUntil = held;
      held = holdAfter(attempt + 1);
      outcome = await attemptMail({
        db,
        transport,
        id,
        final: attempt + 1 >= retry.attempts,
        heldUntil,
        holdUntil: held,
      });
    }
    if (outcome.outcome === "busy") log.info({ mailMessageId: id }, "email held by another sender; leaving it to them");
  };

  const inBackground = (work: Promise<void>) => {
    const tracked = work.catch((error: unknown) =>
      log.error({ err: error }, "sending an email failed unexpectedly; the sweep sends it later"),
    );
    sending.add(tracked);
    void tracked.finally(() => sending.delete(tracked));
  };

  return {
    post: async ({ userId, to, template, headers }) => {
      const mail = renderMail(template);
      if (queues && queues.available?.() !== false) {
        const row = await recordMail(db, { userId, kind: template.kind, to, mail, ...(headers ? { headers } : {}) });
        try {
          await queues.enqueue("mail", "send", { mailMessageId: row.id }, { jobId: mailSendJobId(row.id) });
          return { id: row.id };
        } catch (error) {
          log.warn(
            { err: error, mailMessageId: row.id },
            "email not queued (Redis did not take it); sending it from the API",
          );
        }
        inBackground(
          sendHere(row.id, (holdUntil) =>
            attemptMail({ db, transport, id: row.id, final: retry.attempts <= 1, holdUntil }),
          ),
        );
        return { id: row.id };
      }
      // No queue: recorded already held by this process, and the first attempt starts before this returns.
      const row = await recordMail(db, {
        userId,
        kind: template.kind,
        to,
        mail,
        ...(headers ? { headers } : {}),
        claimedUntil: new Date(Date.now() + MAIL_CLAIM_MS),
      });
      inBackground(
        sendHere(row.id, (holdUntil) => sendClaimedMail({ db, transport, row, final: retry.attempts <= 1, holdUntil })),
      );
      return { id: row.id };
    },
    settled: async () => {
      while (sending.size) await Promise.allSettled([...sending]);
    },
  };
};
