import type { TDailyModelUsage, TMyUsage, TUsageTotals } from "@cto/contracts/api/usage";
import type { Db } from "@cto/db/client";

import { readTokenBudget } from "./chat/budget.ts";
import { readGenerationQuota, utcDay } from "./generation-quota.ts";

// Counts of AI responses, never their content: only model, tokens, cost and time are read. Months the worker
// moved into the history archive still count (public and archive ai_responses, UNION ALL, as aiUsageByModel).

const COLUMNS = "user_id, model_used, token_count, cost, created_at";
const responses = (where: string) =>
  `(SELECT ${COLUMNS} FROM "public"."ai_responses" WHERE ${where}
    UNION ALL
    SELECT ${COLUMNS} FROM "archive"."ai_responses" WHERE ${where}) AS usage`;
const AGGREGATES = `count(*)::int AS "requests", coalesce(sum(token_count), 0)::float8 AS "tokens",
  coalesce(sum(cost), 0)::text AS "cost"`;

type TTotalsRow = { requests: number; tokens: number; cost: string };
const toTotals = (row: TTotalsRow | undefined): TUsageTotals => ({
  requests: row?.requests ?? 0,
  tokens: row?.tokens ?? 0,
  cost: row ? Number(row.cost) : 0,
});

/** All-time totals for each of `userIds` (a page of users); a user with no responses gets zeros. */
export const usageTotalsByUser = async (db: Db, userIds: string[]) => {
  const rows = await db.$queryRawUnsafe<(TTotalsRow & { userId: string })[]>(
    `SELECT user_id::text AS "userId", ${AGGREGATES} FROM ${responses("user_id = ANY($1::uuid[])")} GROUP BY user_id`,
    userIds,
  );
  const byUser = new Map(rows.map((row) => [row.userId, row]));
  return new Map(userIds.map((id) => [id, toTotals(byUser.get(id))]));
};

/** One user's totals since `since`. */
export const usageTotalsSince = async (db: Db, userId: string, since: Date) => {
  const [row] = await db.$queryRawUnsafe<TTotalsRow[]>(
    `SELECT ${AGGREGATES} FROM ${responses("user_id = $1::uuid AND created_at >= $2::timestamptz")}`,
    userId,
    since.toISOString(),
  );
  return toTotals(row);
};

/** One user's usage per UTC day and model since `since`, newest day first. */
export const dailyUsage = async (db: Db, userId: string, since: Date): Promise<TDailyModelUsage[]> => {
  const rows = await db.$queryRawUnsafe<(TTotalsRow & { day: string; model: string })[]>(
    `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "day", model_used AS "model", ${AGGREGATES}
       FROM ${responses("user_id = $1::uuid AND created_at >= $2::timestamptz")}
      GROUP BY 1, 2 ORDER BY 1 DESC, 3 DESC, 2 ASC`,
    userId,
    since.toISOString(),
  );
  return rows.map((row) => ({ day: row.day, model: row.model, ...toTotals(row) }));
};

/** The first instant of `now`'s month, UTC. */
const utcMonthStart = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

/**
 * GET /me/usage: the user's AI usage today and this month (UTC, the clock the daily allowances reset by),
 * what is left of today's chat tokens and generations.
 */
export const readMyUsage = async ({
  db,
  userId,
  tokenLimit,
  generationLimit,
  now = new Date(),
}: {
  db: Db;
  userId: string;
  tokenLimit: number;
  generationLimit: number;
  now?: Date;
}): Promise<TMyUsage> => {
  const [today, month, budget, quota] = await Promise.all([
    usageTotalsSince(db, userId, utcDay(now).start),
    usageTotalsSince(db, userId, utcMonthStart(now)),
    readTokenBudget({ db, userId, limit: tokenLimit, now }),
    readGenerationQuota({ db, userId, limit: generationLimit, now }),
  ]);
  return {
    today,
    month,
    tokenBudget: {
      limit: budget.limit,
      used: budget.used,
      remaining: Math.max(0, budget.limit - budget.used),
      resetsAt: budget.resetsAt.getTime(),
    },
    generationQuota: { ...quota, resetsAt: quota.resetsAt.getTime() },
  };
};
