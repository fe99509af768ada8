import type { Db } from "@cto/db/client";

/**
 * 004's "complete profile": the user with their context profile and Telegram connection, one query
 * (the relations are joined by Prisma in the same statement).
 */
export const getCompleteProfile = ({ db, userId }: { db: Db; userId: string }) =>
  db.user.findUniqueOrThrow({
    where: { id: userId },
    include: { userContext: true, telegramConnection: true },
  });
