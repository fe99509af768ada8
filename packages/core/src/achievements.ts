import type { Db } from "@cto/db/client";

/**
 * What earns points toward a user's achievement score (002's gamification score): the outcomes the
 * growth community is about, not activity for its own sake, so opening the app or saving drafts earns nothing.
 */
export const ACHIEVEMENT_POINTS = {
  completedGoal: 10,
  publishedPost: 5,
  story: 3,
  /** A like from someone else on one of the user's published posts. */
  likeReceived: 1,
} as const;

const INT4_MAX = 2_147_483_647;

/**
 * Brings the stored score of each of `userIds` up to date with what they have now, in one statement
 * that writes only the rows whose score moved. Every write that changes a count calls it, for each
 * user whose score it touches: a like, and a liker's account deleted, count for the post's author.
 */
export const refreshAchievementScores = async (db: Pick<Db, "$executeRaw">, userIds: readonly string[]) => {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  const points = ACHIEVEMENT_POINTS;
  await db.$executeRaw`
    UPDATE users AS u SET achievement_score = fresh.score
    FROM (
      SELECT v.id, LEAST(${INT4_MAX}::bigint,
          ${points.completedGoal} * (SELECT count(*) FROM goals g WHERE g.user_id = v.id AND g.status = 'COMPLETED')
        + ${points.publishedPost} * (SELECT count(*) FROM posts p WHERE p.author_id = v.id AND p.status = 'PUBLISHED')
        + ${points.story} * (SELECT count(*) FROM stories s WHERE s.user_id = v.id)
        + ${points.likeReceived} * (
            SELECT count(*) FROM likes l JOIN posts p ON p.id = l.post_id
            WHERE p.author_id = v.id AND p.status = 'PUBLISHED' AND l.user_id <> v.id)
      )::int AS score
      FROM unnest(${ids}::uuid[]) AS v(id)
    ) AS fresh
    WHERE u.id = fresh.id AND u.achievement_score <> fresh.score`;
};
