import type { Db } from "@cto/db/client";

const DAY_MS = 86_400_000;

/**
 * Daily allowances (generations, chat tokens) reset at midnight UTC: one clock for every user, so a
 * quota cannot be reset by changing time zones. The day `now` falls in, and when the next one starts.
 */
export const utcDay = (now: Date) => {
  const start = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  return { start, resetsAt: new Date(start.getTime() + DAY_MS) };
};

/** What reading or taking from a daily allowance needs. */
export type TDailyAllowance = { db: Db; userId: string; limit: number; now?: Date };

export type GenerationQuota = { limit: number; used: number; remaining: number; resetsAt: Date };

export const readGenerationQuota = async ({
  db,
  userId,
  limit,
  now = new Date(),
}: TDailyAllowance): Promise<GenerationQuota> => {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { dailyGenerationCount: true, lastGenerationDate: true },
  });
  const { start, resetsAt } = utcDay(now);
  const used = user.lastGenerationDate && user.lastGenerationDate >= start ? user.dailyGenerationCount : 0;
  return { limit, used, remaining: Math.max(0, limit - used), resetsAt };
};

/**
 * Takes one AI generation from the user's daily allowance (002's dailyGenerationCount and
 * lastGenerationDate) in a single UPDATE, so concurrent requests cannot both take the last one.
 * Returns the quota after the take, or undefined when the day's allowance is spent.
 */
export const takeGeneration = async ({
  db,
  userId,
  limit,
  now = new Date(),
}: TDailyAllowance): Promise<GenerationQuota | undefined> => {
  const { start, resetsAt } = utcDay(now);
  const rows = await db.$queryRaw<{ used: number }[]>`
    UPDATE users
    SET daily_generation_count = CASE WHEN last_generation_date IS NULL OR last_generation_date < ${start.toISOString()}::timestamptz THEN 1 ELSE daily_generation_count + 1 END,
        last_generation_date = ${now.toISOString()}::timestamptz
    WHERE id = ${userId}::uuid
      AND (last_generation_date IS NULL OR last_generation_date < ${start.toISOString()}::timestamptz OR daily_generation_count < ${limit})
    RETURNING daily_generation_count AS used`;
  const used = rows[0]?.used;
  if (used === undefined) return undefined;
  return { limit, used, remaining: Math.max(0, limit - used), resetsAt };
};

/**
 * Gives back a generation taken for work that then failed (the AI provider down, an answer that could
 * not be used): the user got nothing for it.
 */
export const giveBackGeneration = async ({ db, userId }: { db: Db; userId: string }) => {
  await db.$executeRaw`UPDATE users SET daily_generation_count = GREATEST(daily_generation_count - 1, 0) WHERE id = ${userId}::uuid`;
};
