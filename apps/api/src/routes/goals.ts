import { createRoute, z } from "@hono/zod-openapi";

import { ZCommitmentFiltersSchema, ZCommitmentSchema, ZCreateCommitmentSchema, ZCreateGoalSchema, ZGoalFiltersSchema, ZGoalSchema, ZUpdateCommitmentSchema, ZUpdateGoalSchema } from "@cto/contracts/api/goals";
import { toApiRow } from "@cto/contracts/rows";
import { Commitment, Goal } from "@cto/contracts/tables";

import { ApiError } from "../errors.ts";
import { errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../lib/openapi.ts";
import { embedOnWrite } from "../lib/embedding-hooks.ts";
import { resourceRoutes } from "../lib/resource.ts";
import { requireAuth } from "../middleware/auth.ts";
import { commitmentReminderAhead, commitmentReminderHook, syncCommitmentReminder } from "../services/reminders.ts";

export const goalRoutes = resourceRoutes({
  name: "goals",
  tag: "Goals",
  model: (db) => db.goal,
  afterWrite: [embedOnWrite("GOAL")],
  table: Goal,
  create: ZCreateGoalSchema,
  update: ZUpdateGoalSchema,
  filters: ZGoalFiltersSchema,
  where: ({ status, period }) => ({ status, period }),
  sorts: { created: [{ createdAt: "desc" }], deadline: [{ deadline: { sort: "asc", nulls: "last" } }], updated: [{ updatedAt: "desc" }] },
}).openapi(
  createRoute({ method: "post", path: "/{id}/complete", tags: ["Goals"], summary: "Complete a goal (progress 100, completedAt now)", security: SECURITY, middleware: requireAuth, request: { params: ZIdParamsSchema }, responses: { 200: jsonContent(ZGoalSchema, "Completed"), ...errorResponses(403, 404, 409) } }),
  async (c) => {
    const db = c.get("db");
    const { id } = c.req.valid("param");
    const goal = await db.goal.findFirst({ where: { id, userId: c.get("auth").userId } });
    if (!goal) throw new ApiError("not_found", "No such goal.");
    if (goal.status !== "ACTIVE") throw new ApiError("invalid_state", `Only an active goal can be completed; this one is ${goal.status.toLowerCase()}.`);
    const updated = await db.goal.update({ where: { id }, data: { status: "COMPLETED", progress: 100, completedAt: new Date() } });
    return c.json(toApiRow(Goal, updated, ["userId"]), 200);
  },
);

const OPEN_STATUSES = ["PENDING", "SCHEDULED"] as const;
const CLOSED_STATUSES = ["COMPLETED", "SKIPPED"] as const;

const commitmentAction = (action: "complete" | "skip") =>
  createRoute({ method: "post", path: `/{id}/${action}`, tags: ["Commitments"], summary: action === "complete" ? "Complete a commitment" : "Skip a commitment", security: SECURITY, middleware: requireAuth, request: { params: ZIdParamsSchema }, responses: { 200: jsonContent(ZCommitmentSchema, action === "complete" ? "Completed" : "Skipped"), ...errorResponses(403, 404, 409) } });

export const commitmentRoutes = resourceRoutes({
  name: "commitments",
  tag: "Commitments",
  model: (db) => db.commitment,
  table: Commitment,
  create: ZCreateCommitmentSchema,
  update: ZUpdateCommitmentSchema,
  filters: ZCommitmentFiltersSchema.extend({
    open: z.enum(["true", "false"]).optional().describe("true: only open commitments, pending or scheduled (a reminder waits); false: only completed or skipped ones"),
  }),
  where: ({ status, goalId, dueBefore, open }) => ({
    status: open === undefined ? status : { in: open === "true" ? OPEN_STATUSES : CLOSED_STATUSES, ...(status ? { equals: status } : {}) },
    goalId,
    ...(dueBefore === undefined ? {} : { dueAt: { lt: new Date(dueBefore) } }),
  }),
  sorts: { due: [{ dueAt: { sort: "asc", nulls: "last" } }], created: [{ createdAt: "desc" }] },
  references: { goalId: (db) => db.goal },
  beforeWrite: [commitmentReminderAhead],
  // Creating, rescheduling or deleting a commitment schedules, moves or cancels its reminder.
  afterWrite: [commitmentReminderHook, embedOnWrite("COMMITMENT")],
});

for (const action of ["complete", "skip"] as const) {
  commitmentRoutes.openapi(commitmentAction(action), async (c) => {
    const db = c.get("db");
    const { id } = c.req.valid("param");
    const commitment = await db.commitment.findFirst({ where: { id, userId: c.get("auth").userId } });
    if (!commitment) throw new ApiError("not_found", "No such commitment.");
    if (commitment.status === "COMPLETED" || commitment.status === "SKIPPED") throw new ApiError("invalid_state", `This commitment is already ${commitment.status.toLowerCase()}.`);
    const data = action === "complete" ? { status: "COMPLETED" as const, completedAt: new Date() } : { status: "SKIPPED" as const, skippedAt: new Date() };
    const updated = await db.commitment.update({ where: { id }, data });
    // Done or skipped: its waiting reminder is cancelled.
    await syncCommitmentReminder({ db, queues: c.get("queues"), row: updated });
    return c.json(toApiRow(Commitment, updated, ["userId"]), 200);
  });
}
