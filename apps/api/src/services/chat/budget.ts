import type { Db } from "@cto/db/client";

const DAY_MS = 86_400_000;

export type TTokenBudget = { limit: number; used: number; resetsAt: Date };

/**
 * Tokens the user's successful AI responses used since midnight UTC (one clock for everyone, as
 * for the generation limit). A failed reply gave the user nothing, so it spends nothing.
 */
export const readTokenBudget = async ({
  db,
  userId,
  limit,
  now = new Date(),
}: {
  db: Db;
  userId: string;
  limit: number;
  now?: Date;
}): Promise<TTokenBudget> => {
  const start = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const { _sum } = await db.aiResponse.aggregate({
    where: { userId, status: "SUCCESS", createdAt: { gte: start } },
    _sum: { tokenCount: true },
  });
  return { limit, used: _sum.tokenCount ?? 0, resetsAt: new Date(start.getTime() + DAY_MS) };
};
