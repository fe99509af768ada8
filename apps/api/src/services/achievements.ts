import { refreshAchievementScores } from "@cto/core/achievements";

import type { TAfterWrite, TRow } from "./resource.ts";

/**
 * A goal's or post's write may complete, publish, reopen or remove what the owner's score counts. A new row
 * that does not count (an active goal, a draft: what the coach's tools and most forms create) cannot move
 * it, so creating one costs no scoring statement; any other write may, whatever the row was before.
 */
export const scoreOnWrite =
  (counts: (row: TRow) => boolean): TAfterWrite =>
  ({ db, userId, event, row }) =>
    event === "create" && !counts(row) ? Promise.resolve() : refreshAchievementScores(db, [userId]);
