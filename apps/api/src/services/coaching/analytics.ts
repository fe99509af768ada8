import type { TAiUsage } from "@cto/contracts/api/coaching";
import type { Db } from "@cto/db/client";

/**
 * 004's "AI usage analytics" query — per model: count, average latency, total cost, average and total
 * tokens — for one user (the [userId, createdAt] index) or, with no user, for everyone (createdAt index).
 */
export const aiUsageByModel = async ({
  db,
  userId,
  since,
}: {
  db: Db;
  userId?: string;
  since?: number;
}): Promise<TAiUsage> => {
  const groups = await db.aiResponse.groupBy({
    by: ["modelUsed"],
    where: { ...(userId ? { userId } : {}), ...(since === undefined ? {} : { createdAt: { gte: new Date(since) } }) },
    _count: { _all: true },
    _avg: { latency: true, tokenCount: true },
    _sum: { cost: true, tokenCount: true },
    orderBy: [{ _count: { modelUsed: "desc" } }, { modelUsed: "asc" }],
  });
  const models = groups.map((group) => ({
    model: group.modelUsed,
    usageCount: group._count._all,
    avgLatency: group._avg.latency,
    totalCost: group._sum.cost?.toNumber() ?? 0,
    avgTokens: group._avg.tokenCount,
    totalTokens: group._sum.tokenCount ?? 0,
  }));
  return { since: since ?? null, models };
};
