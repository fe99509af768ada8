import addressparser from "nodemailer/lib/addressparser";

import type { Db, DbTransaction } from "@cto/db/client";

import type { TMailTemplate, TRenderedMail } from "./templates.ts";
import type { TMailTransport } from "./transport.ts";

/** How long a sender holds a message for one attempt: longer than an attempt can take (smtp.ts's timeouts). */
export const MAIL_CLAIM_MS = 2 * 60_000;

export type TMailKind = TMailTemplate["kind"];

export type TNewMail = {
  userId: string;
  kind: TMailKind;
  to: string;
  mail: TRenderedMail;
  headers?: Record<string, string>;
  proactiveMessageId?: string;
  /** SHA-256 hash of the unsubscribe token (notifications). */
  unsubscribeToken?: string;
  /** Held by the writer until then (a sender that will attempt it at once); unset: any sender may take it. */
  claimedUntil?: Date;
};

/** Writes the message before any attempt to send it: from here on it is not lost, whatever the mail server or Redis do. */
export const recordMail = async (db: Db | DbTransaction, mail: TNewMail) =>
  db.mailMessage.create({
    data: {
      userId: mail.userId,
      kind: mail.kind,
      toAddress: mail.to,
      subject: mail.mail.subject,
      textBody: mail.mail.text,
      htmlBody: mail.mail.html,
      headers: mail.headers ?? {},
      proactiveMessageId: mail.proactiveMessageId ?? null,
      unsubscribeToken: mail.unsubscribeToken ?? null,
      claimedUntil: mail.claimedUntil ?? null,
    },
  });

export type TMailRow = Awaited<ReturnType<typeof recordMail>>;

/** `<row id@sender's domain>`: one Message-ID per message across its attempts, so a receiver can drop a duplicate. */
export const messageIdFor = (id: string, from: string) => {
  const address = addressparser(from)[0]?.address ?? "";
  return `<${id}@${address.split("@")[1] || "localhost"}>`;
};

export type TAttemptOutcome =
  | { outcome: "sent"; messageId: string; attempts: number }
  | { outcome: "failed"; final: boolean; error: string; attempts: number }
  | { outcome: "skipped"; reason: "missing" | "already sent" | "failed for good" }
  | { outcome: "busy"; until: Date };

export type TAttemptOptions = {
  db: Db;
  transport: TMailTransport;
  id: string;
  now?: Date;
  /** The last attempt: a failure marks the message FAILED (kept, with its bodies) instead of leaving it PENDING. */
  final: boolean;
  /** Whether a FAILED message may be sent again (a retried job); a sweep or a first attempt takes PENDING ones only. */
  includeFailed?: boolean;
  /** The claim this sender already holds (its own `claimedUntil`), which does not count as someone else's. */
  heldUntil?: Date | null;
  /** After a failure that is not final, keep holding the message until then (the API's next attempt); unset: release it. */
  holdUntil?: Date;
};

/** "550 5.1.1 mailbox unavailable" rather than nodemailer's whole sentence, when the server said something. */
const describeError = (error: unknown) => {
  const failure = error as { message?: string; code?: string; responseCode?: number };
  return [failure.code, failure.responseCode, failure.message].filter(Boolean).join(" ").slice(0, 2_000);
};

type TClaim = { outcome: "claimed"; row: TMailRow } | Extract<TAttemptOutcome, { outcome: "skipped" | "busy" }>;

/**
 * Takes a message for one attempt: a conditional update (PENDING, or FAILED when `includeFailed`, and
 * nobody else's claim ahead), so two senders never send it at once.
 */
export const claimMail = async ({
  db,
  id,
  now = new Date(),
  includeFailed = false,
  heldUntil = null,
}: Pick<TAttemptOptions, "db" | "id" | "now" | "includeFailed" | "heldUntil">): Promise<TClaim> => {
  const claimedUntil = new Date(now.getTime() + MAIL_CLAIM_MS);
  const free = [
    { claimedUntil: null },
    { claimedUntil: { lt: now } },
    ...(heldUntil ? [{ claimedUntil: heldUntil }] : []),
  ];
  const claimed = await db.mailMessage.updateMany({
    where: { id, status: { in: includeFailed ? ["PENDING", "FAILED"] : ["PENDING"] }, OR: free },
    data: { claimedUntil },
  });
  const row = await db.mailMessage.findUnique({ where: { id } });
  if (claimed.count === 1 && row) return { outcome: "claimed", row };
  if (!row) return { outcome: "skipped", reason: "missing" };
  if (row.status === "SENT") return { outcome: "skipped", reason: "already sent" };
  if (row.status === "FAILED" && !includeFailed) return { outcome: "skipped", reason: "failed for good" };
  return { outcome: "busy", until: row.claimedUntil ?? claimedUntil };
};

/**
 * Sends a message this sender holds (claimed, or recorded with its claim), under its stable Message-ID,
 * then marks it. Sent: SENT, the bodies dropped, its notification SENT. Failed: attempts and the server's
 * answer recorded; on the final attempt FAILED with the bodies kept, so it can be sent again later.
 * `transport.send` is called before anything is awaited, so a caller's sends start in its own order.
 */
export const sendClaimedMail = async ({
  db,
  transport,
  row,
  final,
  holdUntil,
}: Pick<TAttemptOptions, "db" | "transport" | "final" | "holdUntil"> & { row: TMailRow }): Promise<
  Extract<TAttemptOutcome, { outcome: "sent" | "failed" }>
> => {
  const { id } = row;
  const messageId = messageIdFor(id, transport.from);
  try {
    await transport.send({
      to: row.toAddress,
      subject: row.subject,
      text: row.textBody!,
      html: row.htmlBody!,
      headers: row.headers as Record<string, string>,
      messageId,
    });
  } catch (error) {
    const message = describeError(error);
    const failedAt = new Date();
    await db.$transaction(async (tx) => {
      await tx.mailMessage.update({
        where: { id },
        data: {
          attempts: { increment: 1 },
          lastError: message,
          claimedUntil: final ? null : (holdUntil ?? null),
          ...(final ? { status: "FAILED" as const, failedAt } : {}),
        },
      });
      if (final && row.proactiveMessageId)
        await tx.proactiveMessage.updateMany({
          where: { id: row.proactiveMessageId, status: "PENDING" },
          data: { status: "FAILED", failedAt, lastError: message },
        });
    });
    return { outcome: "failed", final, error: message, attempts: row.attempts + 1 };
  }
  const sentAt = new Date();
  await db.$transaction(async (tx) => {
    await tx.mailMessage.update({
      where: { id },
      data: {
        status: "SENT",
        sentAt,
        messageId,
        textBody: null,
        htmlBody: null,
        claimedUntil: null,
        lastError: null,
        attempts: { increment: 1 },
      },
    });
    if (row.proactiveMessageId)
      await tx.proactiveMessage.updateMany({
        where: { id: row.proactiveMessageId, status: { in: ["PENDING", "FAILED"] } },
        data: { status: "SENT", sentAt, lastError: null },
      });
  });
  return { outcome: "sent", messageId, attempts: row.attempts + 1 };
};

/** One attempt at one message: claim it, send it, mark it (see claimMail and sendClaimedMail). */
export const attemptMail = async (options: TAttemptOptions): Promise<TAttemptOutcome> => {
  const claim = await claimMail(options);
  if (claim.outcome !== "claimed") return claim;
  return sendClaimedMail({ ...options, row: claim.row });
};

/** Messages nobody is sending: PENDING, unclaimed (or the claim ran out), written at least `olderThanMs` ago. */
export const unsentMailIds = async (
  db: Db,
  { now = new Date(), olderThanMs, limit }: { now?: Date; olderThanMs: number; limit: number },
) =>
  (
    await db.mailMessage.findMany({
      where: {
        status: "PENDING",
        createdAt: { lt: new Date(now.getTime() - olderThanMs) },
        OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
      },
      orderBy: { createdAt: "asc" },
      take: limit,
      select: { id: true },
    })
  ).map((row) => row.id);

/** Sent and failed messages older than `before` (their links are long dead); unsent ones stay whatever their age. */
export const deleteFinishedMail = async (db: Db, { before }: { before: Date }) =>
  (await db.mailMessage.deleteMany({ where: { status: { in: ["SENT", "FAILED"] }, updatedAt: { lt: before } } })).count;
