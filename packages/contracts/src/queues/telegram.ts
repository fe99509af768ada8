import { z } from "zod";

/** Send one due, pending proactive message through the Bot API's sendMessage. */
export const ZTelegramDeliverJobSchema = z.object({ proactiveMessageId: z.uuid() });

/** Periodic: enqueues a `deliver` job for each due, pending message of an active connection (004's pending-messages query). */
export const ZTelegramDispatchJobSchema = z.object({});

/**
 * The delivery job's id, one per message, shared by every producer (the API's webhook, the
 * dispatcher): a message dispatched twice while its job exists is queued once.
 */
export const telegramDeliveryJobId = (proactiveMessageId: string) => `proactive.${proactiveMessageId}`;

export const TELEGRAM_JOBS = {
  deliver: ZTelegramDeliverJobSchema,
  dispatch: ZTelegramDispatchJobSchema,
} as const;
