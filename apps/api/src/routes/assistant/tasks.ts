import { createRoute } from "@hono/zod-openapi";

import type { Db } from "@cto/db/client";
import {
  ZCreateDeadlineSchema, ZCreateTaskSchema, ZDeadlineFiltersSchema, ZDeadlineSchema, ZTaskFiltersSchema, ZTaskSchema, ZUpdateDeadlineSchema, ZUpdateTaskSchema,
} from "@cto/contracts/api/assistant";
import { toApiRow } from "@cto/contracts/rows";
import { Deadline, Task } from "@cto/contracts/tables";

import { ApiError } from "../../errors.ts";
import { errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { embedOnWrite, syncEmbeddings } from "../../lib/embedding-hooks.ts";
import { resourceRoutes, type ModelDelegate, type TAfterWrite } from "../../lib/resource.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { deadlineReminderAhead, deadlineReminderHook, syncDeadlineReminder } from "../../services/reminders.ts";
import { guardWrites } from "./guarded.ts";

/** Tasks (with subtasks) and deadlines of the assistant context (003), with their complete operations. */

// The database refuses a task that is its own parent; a longer loop (A under B under A) it cannot
// see, so walk up from the new parent. Trashed ancestors count too: they can be restored.
const assertNoCycle = async (db: Db, id: string, parentId: unknown) => {
  for (let current = typeof parentId === "string" ? parentId : null, depth = 0; current && depth < 1000; depth++) {
    if (current === id) throw new ApiError("validation_failed", "A task cannot be its own parent or ancestor.", [{ path: "parentId", message: "would make the task its own ancestor" }]);
    current = (await db.task.findFirst({ where: { id: current, deletedAt: undefined }, select: { parentId: true } }))?.parentId ?? null;
  }
};

// Every task below `id`, at any depth, trashed or not (the hierarchy is walked through the trash).
const subtaskIds = async (db: Db, userId: string, id: string) =>
  (
    await db.$queryRaw<{ id: string }[]>`
      WITH RECURSIVE tree AS (
        SELECT id FROM tasks WHERE parent_id = ${id}::uuid AND user_id = ${userId}::uuid
        UNION
        SELECT t.id FROM tasks t JOIN tree ON t.parent_id = tree.id WHERE t.user_id = ${userId}::uuid
      )
      SELECT id::text AS id FROM tree`
  ).map((row) => row.id);

/**
 * A trashed task takes its live subtasks to the trash with its own timestamp, so they neither show
 * as orphans nor keep their embeddings; restoring it brings back exactly the ones it took (a subtask
 * trashed on its own before stays in the trash). The restore itself happens in the update check
 * below, while the parent's trash timestamp can still be read.
 */
const trashSubtasksWithParent: TAfterWrite = async ({ c, db, userId, event, row }) => {
  if (event !== "trash" && event !== "restore") return;
  const ids = await subtaskIds(db, userId, row.id);
  if (!ids.length) return;
  if (event === "trash") await db.task.updateMany({ where: { id: { in: ids }, userId, deletedAt: null }, data: { deletedAt: row.deletedAt as Date } });
  const live = event === "restore" ? (await db.task.findMany({ where: { id: { in: ids }, userId }, select: { id: true } })).map((task) => task.id) : ids;
  await syncEmbeddings({ c, db, userId, ownerKind: "TASK", ownerIds: live, event });
};

const restoreSubtasksWithParent = async (db: Db, id: string, data: Record<string, unknown>) => {
  if (!("deletedAt" in data) || data.deletedAt !== null) return;
  const parent = await db.task.findFirst({ where: { id, deletedAt: { not: null } }, select: { userId: true, deletedAt: true } });
  if (!parent?.deletedAt) return;
  const ids = await subtaskIds(db, parent.userId, id);
  if (ids.length) await db.task.updateMany({ where: { id: { in: ids }, userId: parent.userId, deletedAt: parent.deletedAt }, data: { deletedAt: null } });
};

const action = (tag: string, summary: string, schema: typeof ZTaskSchema | typeof ZDeadlineSchema) =>
  createRoute({ method: "post", path: "/{id}/complete", tags: [tag], summary, security: SECURITY, middleware: requireAuth, request: { params: ZIdParamsSchema }, responses: { 200: jsonContent(schema, "Completed"), ...errorResponses(403, 404, 409) } });

const dueFirst = { dueDate: { sort: "asc", nulls: "last" } } as const;

export const taskRoutes = resourceRoutes({
  name: "tasks",
  tag: "Tasks",
  model: (db) =>
    guardWrites(db.task as ModelDelegate, {
      update: async (id, data) => {
        await assertNoCycle(db, id, data.parentId);
        await restoreSubtasksWithParent(db, id, data);
      },
    }),
  afterWrite: [embedOnWrite("TASK"), trashSubtasksWithParent],
  table: Task,
  create: ZCreateTaskSchema,
  update: ZUpdateTaskSchema,
  filters: ZTaskFiltersSchema,
  where: ({ status, priority, dueBefore, parentId, assignedToId }) => ({
    status,
    priority,
    assignedToId,
    ...(parentId === undefined ? {} : { parentId: parentId === "root" ? null : parentId }),
    ...(dueBefore === undefined ? {} : { dueDate: { lt: new Date(dueBefore) } }),
  }),
  sorts: { due: [dueFirst], priority: [{ priority: "desc" }, dueFirst], position: [{ position: "asc" }], created: [{ createdAt: "desc" }] },
  softDelete: true,
  references: { parentId: (db) => db.task, assignedToId: (db) => db.person },
  // completedAt follows status unless the caller sets it (e.g. a sync that knows when it happened).
  toData: (input) => {
    if (input.status === undefined) return input;
    return { ...input, completedAt: input.completedAt ?? (input.status === "COMPLETED" ? new Date() : null) };
  },
}).openapi(action("Tasks", "Complete a task (status completed, completedAt now)", ZTaskSchema), async (c) => {
  const db = c.get("db");
  const { id } = c.req.valid("param");
  const task = await db.task.findFirst({ where: { id, userId: c.get("auth").userId } });
  if (!task) throw new ApiError("not_found", "No such task.");
  if (task.status === "COMPLETED" || task.status === "CANCELLED") throw new ApiError("invalid_state", `This task is already ${task.status.toLowerCase()}.`);
  const updated = await db.task.update({ where: { id }, data: { status: "COMPLETED", completedAt: new Date() } });
  return c.json(toApiRow(Task, updated, ["userId"]), 200);
});

export const deadlineRoutes = resourceRoutes({
  name: "deadlines",
  tag: "Deadlines",
  model: (db) => db.deadline,
  table: Deadline,
  create: ZCreateDeadlineSchema,
  update: ZUpdateDeadlineSchema,
  filters: ZDeadlineFiltersSchema,
  where: ({ dueBefore, status, type, taskId, eventId }) => ({ status, type, taskId, eventId, ...(dueBefore === undefined ? {} : { dueAt: { lt: new Date(dueBefore) } }) }),
  sorts: { due: [{ dueAt: "asc" }], importance: [{ importance: "desc" }, { dueAt: "asc" }], created: [{ createdAt: "desc" }] },
  softDelete: true,
  references: { taskId: (db) => db.task, eventId: (db) => db.event },
  beforeWrite: [deadlineReminderAhead],
  // A deadline's reminderAt schedules its reminder; rescheduling, trash, restore and delete move or cancel it.
  afterWrite: [deadlineReminderHook, embedOnWrite("DEADLINE")],
}).openapi(action("Deadlines", "Complete a deadline (a missed or extended one too)", ZDeadlineSchema), async (c) => {
  const db = c.get("db");
  const { id } = c.req.valid("param");
  const deadline = await db.deadline.findFirst({ where: { id, userId: c.get("auth").userId } });
  if (!deadline) throw new ApiError("not_found", "No such deadline.");
  if (deadline.status === "COMPLETED") throw new ApiError("invalid_state", "This deadline is already completed.");
  const updated = await db.deadline.update({ where: { id }, data: { status: "COMPLETED" } });
  await syncDeadlineReminder({ db, queues: c.get("queues"), row: updated });
  return c.json(toApiRow(Deadline, updated, ["userId"]), 200);
});
