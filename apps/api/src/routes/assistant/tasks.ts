import { createRoute } from "@hono/zod-openapi";

import { ZDeadlineSchema, ZTaskSchema } from "@cto/contracts/api/assistant";
import { toApiRow } from "@cto/contracts/rows";
import { Deadline, Task } from "@cto/contracts/tables";

import { errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { completeDeadline, completeTask, deadlineService, taskService } from "../../services/assistant/tasks.ts";
import { depsOf } from "../deps.ts";
import { resourceRoutes } from "../resource.ts";

/** Tasks (with subtasks) and deadlines of the assistant context (003), with their complete operations. */

const action = (tag: string, summary: string, schema: typeof ZTaskSchema | typeof ZDeadlineSchema) =>
  createRoute({
    method: "post",
    path: "/{id}/complete",
    tags: [tag],
    summary,
    security: SECURITY,
    middleware: requireAuth,
    request: { params: ZIdParamsSchema },
    responses: { 200: jsonContent(schema, "Completed"), ...errorResponses(403, 404, 409) },
  });

export const taskRoutes = resourceRoutes({ service: taskService, tag: "Tasks", table: Task }).openapi(
  action("Tasks", "Complete a task (status completed, completedAt now)", ZTaskSchema),
  async (c) => {
    const task = await completeTask({ db: c.get("db"), userId: c.get("auth").userId, id: c.req.valid("param").id });
    return c.json(toApiRow(Task, task, ["userId"]), 200);
  },
);

export const deadlineRoutes = resourceRoutes({ service: deadlineService, tag: "Deadlines", table: Deadline }).openapi(
  action("Deadlines", "Complete a deadline (a missed or extended one too)", ZDeadlineSchema),
  async (c) => {
    const deadline = await completeDeadline({
      ...depsOf(c),
      userId: c.get("auth").userId,
      id: c.req.valid("param").id,
    });
    return c.json(toApiRow(Deadline, deadline, ["userId"]), 200);
  },
);
