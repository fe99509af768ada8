import { ZCreateGoalSchema, ZGoalFiltersSchema, ZUpdateGoalSchema } from "@cto/contracts/api/goals";
import type { Db } from "@cto/db/client";

import { refreshAchievementScores } from "@cto/core/achievements";

import { scoreOnWrite } from "./achievements.ts";
import { embedOnWrite } from "./embeddings.ts";
import { resourceService } from "./resource.ts";
import { transitionOwned } from "./rows.ts";

/** Goals: what the routes and the coach's `create_goal` tool both write through. */
export const goalService = resourceService({
  name: "goals",
  model: (db) => db.goal,
  create: ZCreateGoalSchema,
  update: ZUpdateGoalSchema,
  filters: ZGoalFiltersSchema,
  where: ({ status, period }) => ({ status, period }),
  sorts: {
    created: [{ createdAt: "desc" }],
    deadline: [{ deadline: { sort: "asc", nulls: "last" } }],
    updated: [{ updatedAt: "desc" }],
  },
  afterWrite: [embedOnWrite("GOAL"), scoreOnWrite((goal) => goal.status === "COMPLETED")],
});

/** An active goal becomes completed: progress 100, completedAt now. */
export const completeGoal = async ({ db, userId, id }: { db: Db; userId: string; id: string }) => {
  const goal = await transitionOwned(
    db.goal,
    { id, userId, noun: "goal" },
    {
      from: ["ACTIVE"],
      data: { status: "COMPLETED", progress: 100, completedAt: new Date() },
      refusal: (status) => `Only an active goal can be completed; this one is ${status.toLowerCase()}.`,
    },
  );
  await refreshAchievementScores(db, [userId]);
  return goal;
};
