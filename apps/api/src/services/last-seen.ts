import type { Db } from "@cto/db/client";

/**
 * How far behind `User.lastSeenAt` may fall while the user is active. The worker's fan-outs (reports,
 * scores, stories) only ask "seen in the last 30 days", so one write per user per quarter hour is
 * plenty, however many requests, sessions, keys or API instances there are.
 */
export const LAST_SEEN_EVERY_MS = 15 * 60_000;

/**
 * Records that the user is active now. The condition is in the statement, so concurrent requests on
 * any instance write the row at most once per LAST_SEEN_EVERY_MS; raw SQL, so `updated_at` (a change
 * to the profile) stays as it was. Callers already call this at most once a minute per session or key.
 */
export const touchLastSeen = (db: Db, userId: string, now = Date.now()) =>
  db.$executeRaw`
    UPDATE users SET last_seen_at = ${new Date(now)}
    WHERE id = ${userId}::uuid
      AND (last_seen_at IS NULL OR last_seen_at < ${new Date(now - LAST_SEEN_EVERY_MS)})`;

/** A session's or API key's use is written at most once a minute per process. */
const USE_EVERY_MS = 60_000;

/**
 * Records the use of a session or key when its last recorded use is over a minute old: `write` stores
 * it on the row, then the user is seen. `cached` (the auth cache's copy) moves with the row, so this
 * process writes again only a minute later.
 */
export const recordUse = async (
  db: Db,
  cached: { userId: string; lastUsedAt: number | null },
  now: number,
  write: () => Promise<unknown>,
) => {
  if (cached.lastUsedAt && now - cached.lastUsedAt <= USE_EVERY_MS) return;
  cached.lastUsedAt = now;
  await write();
  await touchLastSeen(db, cached.userId, now);
};
