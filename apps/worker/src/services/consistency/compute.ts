import { addDays, localMidnight, userTimezone } from "@cto/core/local-days";
import type { Db } from "@cto/db/client";

import { adherenceNotes, loadDueCommitments, scoreAdherence } from "./adherence.ts";

export type TConsistencyOutcome =
  | { status: "written"; score: number; periodStart: Date; periodEnd: Date }
  | { status: "nothing_due" | "no_user" };

/**
 * One user's score for the `windowDays` local days ending with `date` (inclusive), written once per
 * user, window and end (the table's unique key): a rerun of the same day replaces its own row.
 */
export const computeConsistency = async ({
  db,
  userId,
  date,
  windowDays,
  now = new Date(),
}: {
  db: Db;
  userId: string;
  date: string;
  windowDays: number;
  now?: Date;
}): Promise<TConsistencyOutcome> => {
  const user = await db.user.findUnique({ where: { id: userId }, select: { preferences: true } });
  if (!user) return { status: "no_user" };
  const timezone = userTimezone(user.preferences);
  const periodStart = localMidnight(addDays(date, 1 - windowDays), timezone);
  const periodEnd = localMidnight(addDays(date, 1), timezone);
  const adherence = scoreAdherence(
    await loadDueCommitments(db, userId, periodStart, periodEnd < now ? periodEnd : now),
  );
  if (adherence.score === null) return { status: "nothing_due" };
  const previous = await db.consistencyMetric.findFirst({
    where: { userId, windowDays, periodEnd: { lt: periodEnd } },
    orderBy: { periodEnd: "desc" },
    select: { score: true },
  });
  const notes = adherenceNotes(adherence, windowDays, previous ? Number(previous.score) : null);
  const data = { score: adherence.score, notes, periodStart, computedAt: now };
  await db.consistencyMetric.upsert({
    where: { userId_windowDays_periodEnd: { userId, windowDays, periodEnd } },
    create: { userId, windowDays, periodEnd, ...data },
    update: data,
  });
  return { status: "written", score: adherence.score, periodStart, periodEnd };
};
