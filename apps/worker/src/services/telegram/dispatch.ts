import type { Db } from "@cto/db/client";

/** Most messages one dispatch run hands out; the next run takes the rest. */
export const DISPATCH_BATCH = 500;

/**
 * 004's pending-messages query: Telegram messages that are PENDING, due (no time, or a time
 * passed), and whose user has an active connection; oldest first.
 */
export const duePendingMessages = async ({
  db,
  now = new Date(),
  limit = DISPATCH_BATCH,
}: {
  db: Db;
  now?: Date;
  limit?: number;
}) =>
  db.proactiveMessage.findMany({
    where: {
      status: "PENDING",
      channel: "TELEGRAM",
      OR: [{ scheduledFor: null }, { scheduledFor: { lte: now } }],
      user: { telegramConnection: { isActive: true, telegramChatId: { not: null } } },
    },
    orderBy: [{ scheduledFor: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
    select: { id: true },
    take: limit,
  });
