import type { Db, Prisma, ScheduleKind } from "@cto/db/client";

/** Users seen (or signed up) within this long get scheduled reports and scores. */
export const ACTIVE_WITHIN_MS = 30 * 86_400_000;
const BATCH = 500;

/** Account enabled, and seen (`lastSeenAt`, kept by the API) or created within ACTIVE_WITHIN_MS of `now`. */
export const activeWhere = (now: Date) => {
  const since = new Date(now.getTime() - ACTIVE_WITHIN_MS);
  return { isActive: true, AND: [{ OR: [{ lastSeenAt: { gte: since } }, { createdAt: { gte: since } }] }] };
};

/**
 * Every active user, in id order and in batches, so a fan-out over many users never loads them all at
 * once. `unlessPaused` leaves out users who paused their schedule of that kind (GET/PATCH /schedules).
 */
export async function* activeUsers(
  db: Db,
  now: Date,
  { unlessPaused }: { unlessPaused?: ScheduleKind } = {},
): AsyncGenerator<{ id: string; preferences: unknown; createdAt: Date }> {
  const where: Prisma.UserWhereInput = {
    ...activeWhere(now),
    ...(unlessPaused
      ? { reminderSchedules: { none: { kind: unlessPaused, status: "PAUSED", cadence: { not: null } } } }
      : {}),
  };
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.user.findMany({
      where,
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, preferences: true, createdAt: true },
    });
    yield* rows;
    if (rows.length < BATCH) return;
    cursor = rows.at(-1)!.id;
  }
}
