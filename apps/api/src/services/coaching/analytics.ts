import type { TAiUsage } from "@cto/contracts/api/coaching";
import type { Db } from "@cto/db/client";

type TUsageRow = {
  model: string;
  usageCount: number;
  avgLatency: number | null;
  totalCost: string | null;
  avgTokens: number | null;
  totalTokens: number | null;
};

/**
 * 004's "AI usage analytics" query — per model: count, average latency, total cost, average and total
 * tokens — for one user (the [userId, createdAt] indexes) or, with no user, for everyone (the createdAt
 * indexes). The months the worker moved into the history archive (packages/db's "History and retention")
 * still count: the hot table and `archive.ai_responses` are read with the same filter (UNION ALL) and
 * aggregated together, so totals do not shrink when a month is archived, and only a dropped month leaves them.
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
  const values: unknown[] = [];
  const filters: string[] = [];
  if (userId) {
    values.push(userId);
    filters.push(`user_id = $${values.length}::uuid`);
  }
  if (since !== undefined) {
    values.push(new Date(since).toISOString());
    filters.push(`created_at >= $${values.length}::timestamptz`);
  }
  const where = filters.length ? `WHERE ${filters.join(" AND ")}` : "";
  const columns = "model_used, latency, cost, token_count";
  const rows = await db.$queryRawUnsafe<TUsageRow[]>(
    `SELECT model_used AS "model", count(*)::int AS "usageCount", avg(latency)::float8 AS "avgLatency",
            sum(cost)::text AS "totalCost", avg(token_count)::float8 AS "avgTokens", sum(token_count)::float8 AS "totalTokens"
       FROM (SELECT ${columns} FROM "public"."ai_responses" ${where}
             UNION ALL
             SELECT ${columns} FROM "archive"."ai_responses" ${where}) AS usage
      GROUP BY model_used
      ORDER BY count(*) DESC, model_used ASC`,
    ...values,
  );
  const models = rows.map((row) => ({
    model: row.model,
    usageCount: row.usageCount,
    avgLatency: row.avgLatency,
    totalCost: row.totalCost === null ? 0 : Number(row.totalCost),
    avgTokens: row.avgTokens,
    totalTokens: row.totalTokens ?? 0,
  }));
  return { since: since ?? null, models };
};
