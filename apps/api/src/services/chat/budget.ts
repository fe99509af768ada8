import { type TDailyAllowance, utcDay } from "../generation-quota.ts";

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
}: TDailyAllowance): Promise<TTokenBudget> => {
  const { start, resetsAt } = utcDay(now);
  const { _sum } = await db.aiResponse.aggregate({
    where: { userId, status: "SUCCESS", createdAt: { gte: start } },
    _sum: { tokenCount: true },
  });
  return { limit, used: _sum.tokenCount ?? 0, resetsAt };
};
