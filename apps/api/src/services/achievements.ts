import { refreshAchievementScores } from "@cto/core/achievements";

import type { TAfterWrite } from "./resource.ts";

/** A goal's or post's write may complete, publish, reopen or remove what the owner's score counts. */
export const scoreOnWrite: TAfterWrite = ({ db, userId }) => refreshAchievementScores(db, [userId]);
