import { z } from "zod";

/** Send one email already written to mail_messages (the row holds the message, so no address or body rides in Redis). */
export const ZMailSendJobSchema = z.object({ mailMessageId: z.uuid() });

/** Periodic: enqueues a `send` job for each unsent message nobody holds (written while Redis was away, or lost with it). */
export const ZMailSweepJobSchema = z.object({});

/** The send job's id, one per message, shared by every producer (the API, the sweep): a message is queued once. */
export const mailSendJobId = (mailMessageId: string) => `mail.${mailMessageId}`;

export const MAIL_JOBS = { send: ZMailSendJobSchema, sweep: ZMailSweepJobSchema } as const;
