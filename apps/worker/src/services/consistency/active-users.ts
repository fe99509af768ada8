import type { Db } from "@cto/db/client";

/** Users seen (or signed up) within this long get scheduled reports and scores. */
export const ACTIVE_WITHIN_MS = 30 * 86_400_000;
const BATCH = 500;

/**
 * Every active user (account enabled, seen or created in the last 30 days), in id order and in
 * batches, so a fan-out over many users never loads them all at once.
 */
export async function* activeUsers(
  db: Db,
  now: Date,
): AsyncGenerator<{ id: string; preferences: unknown; createdAt: Date }> {
  const since = new Date(now.getTime() - ACTIVE_WITHIN_MS);
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.user.findMany({
      where: { isActive: true, OR: [{ lastSeenAt: { gte: since } }, { createdAt: { gte: since } }] },
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
