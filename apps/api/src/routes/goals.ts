import { createRoute } from "@hono/zod-openapi";

import { ZCommitmentSchema, ZGoalSchema } from "@cto/contracts/api/goals";
import { toApiRow } from "@cto/contracts/rows";
import { Commitment, Goal } from "@cto/contracts/tables";

import { errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../lib/openapi.ts";
import { requireAuth } from "../middleware/auth.ts";
import { closeCommitment, commitmentService } from "../services/commitments.ts";
import { completeGoal, goalService } from "../services/goals.ts";
import { depsOf } from "./deps.ts";
import { resourceRoutes } from "./resource.ts";

const common = { security: SECURITY, middleware: requireAuth, request: { params: ZIdParamsSchema } };

export const goalRoutes = resourceRoutes({ service: goalService, tag: "Goals", table: Goal }).openapi(
  createRoute({
    ...common,
    method: "post",
    path: "/{id}/complete",
    tags: ["Goals"],
    summary: "Complete a goal (progress 100, completedAt now)",
    responses: { 200: jsonContent(ZGoalSchema, "Completed"), ...errorResponses(403, 404, 409) },
  }),
  async (c) => {
    const goal = await completeGoal({ db: c.get("db"), userId: c.get("auth").userId, id: c.req.valid("param").id });
    return c.json(toApiRow(Goal, goal, ["userId"]), 200);
  },
);

export const commitmentRoutes = resourceRoutes({ service: commitmentService, tag: "Commitments", table: Commitment });

for (const action of ["complete", "skip"] as const) {
  const done = action === "complete" ? "Completed" : "Skipped";
  const route = createRoute({
    ...common,
    method: "post",
    path: `/{id}/${action}`,
    tags: ["Commitments"],
    summary: action === "complete" ? "Complete a commitment" : "Skip a commitment",
    responses: { 200: jsonContent(ZCommitmentSchema, done), ...errorResponses(403, 404, 409) },
  });
  commitmentRoutes.openapi(route, async (c) => {
    const commitment = await closeCommitment({
      ...depsOf(c),
      userId: c.get("auth").userId,
      id: c.req.valid("param").id,
      action,
    });
    return c.json(toApiRow(Commitment, commitment, ["userId"]), 200);
  });
}
