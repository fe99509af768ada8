import {
  ZCreateDeadlineSchema,
  ZCreateTaskSchema,
  ZDeadlineFiltersSchema,
  ZTaskFiltersSchema,
  ZUpdateDeadlineSchema,
  ZUpdateTaskSchema,
} from "@cto/contracts/api/assistant";
import type { Db, DbExecutor } from "@cto/db/client";

import { ApiError } from "../../errors.ts";
import type { TDeps } from "../deps.ts";
import { embedOnWrite, syncOwnerEmbeddings } from "../embeddings.ts";
import { guardWrites } from "../guarded.ts";
import { deadlineReminderAhead, deadlineReminderHook, syncDeadlineReminder } from "../reminders.ts";
import { resourceService, type ModelDelegate, type TAfterWrite, type TBeforeWrite } from "../resource.ts";
import { transitionOwned } from "../rows.ts";

/** Tasks (with subtasks) and deadlines of the assistant context (003), with their complete operations. */

// The database refuses a task that is its own parent; a longer loop (A under B under A) it cannot
// see, so walk up from the new parent. Trashed ancestors count too: they can be restored.
const assertNoCycle = async (db: DbExecutor, id: string, parentId: unknown) => {
  for (let current = typeof parentId === "string" ? parentId : null, depth = 0; current && depth < 1000; depth++) {
    if (current === id)
      throw new ApiError("validation_failed", "A task cannot be its own parent or ancestor.", [
        { path: "parentId", message: "would make the task its own ancestor" },
      ]);
    current =
      (await db.task.findFirst({ where: { id: current, deletedAt: undefined }, select: { parentId: true } }))
        ?.parentId ?? null;
  }
};

// Every task below `id`, at any depth, trashed or not (the hierarchy is walked through the trash).
const subtaskIds = async (db: DbExecutor, userId: string, id: string) =>
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
const trashSubtasksWithParent: TAfterWrite = async ({ row, ...write }) => {
  const { db, userId, event } = write;
  if (event !== "trash" && event !== "restore") return;
  const ids = await subtaskIds(db, userId, row.id);
  if (!ids.length) return;
  if (event === "trash")
    await db.task.updateMany({
      where: { id: { in: ids }, userId, deletedAt: null },
      data: { deletedAt: row.deletedAt as Date },
    });
  const live =
    event === "restore"
      ? (await db.task.findMany({ where: { id: { in: ids }, userId }, select: { id: true } })).map((task) => task.id)
      : ids;
  await syncOwnerEmbeddings({ ...write, ownerKind: "TASK", ownerIds: live });
};

const restoreSubtasksWithParent = async (db: DbExecutor, id: string, data: Record<string, unknown>) => {
  if (!("deletedAt" in data) || data.deletedAt !== null) return;
  const parent = await db.task.findFirst({
    where: { id, deletedAt: { not: null } },
    select: { userId: true, deletedAt: true },
  });
  if (!parent?.deletedAt) return;
  const ids = await subtaskIds(db, parent.userId, id);
  if (ids.length)
    await db.task.updateMany({
      where: { id: { in: ids }, userId: parent.userId, deletedAt: parent.deletedAt },
      data: { deletedAt: null },
    });
};

const dueFirst = { dueDate: { sort: "asc", nulls: "last" } } as const;

/** Tasks: what the routes and the coach's `create_task` tool both write through. */
export const taskService = resourceService({
  name: "tasks",
  model: (db) =>
    guardWrites(db.task as ModelDelegate, {
      update: async (id, data) => {
        await assertNoCycle(db, id, data.parentId);
        await restoreSubtasksWithParent(db, id, data);
      },
    }),
  afterWrite: [embedOnWrite("TASK"), trashSubtasksWithParent],
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
  sorts: {
    due: [dueFirst],
    priority: [{ priority: "desc" }, dueFirst],
    position: [{ position: "asc" }],
    created: [{ createdAt: "desc" }],
  },
  softDelete: true,
  references: { parentId: (db) => db.task, assignedToId: (db) => db.person },
  // completedAt follows status unless the caller sets it (e.g. a sync that knows when it happened).
  toData: (input) => {
    if (input.status === undefined) return input;
    return { ...input, completedAt: input.completedAt ?? (input.status === "COMPLETED" ? new Date() : null) };
  },
});

/** A task that is neither completed nor cancelled becomes completed, completedAt now. */
export const completeTask = ({ db, userId, id }: { db: Db; userId: string; id: string }) =>
  transitionOwned(
    db.task,
    { id, userId, noun: "task" },
    {
      from: ["PENDING", "IN_PROGRESS", "DEFERRED"],
      data: { status: "COMPLETED", completedAt: new Date() },
      refusal: (status) => `This task is already ${status.toLowerCase()}.`,
    },
  );

/**
 * A pending or missed deadline moved to a later due time is EXTENDED (the worker marks it MISSED again
 * if the new time passes too), unless the same write says what its status is.
 */
const extendWhenMoved: TBeforeWrite = ({ input, stored }) => {
  if (!stored || input.status !== undefined || !(input.dueAt instanceof Date)) return;
  const open = stored.status === "PENDING" || stored.status === "MISSED";
  if (open && stored.dueAt instanceof Date && input.dueAt > stored.dueAt) input.status = "EXTENDED";
};

/** Deadlines: what the routes and the coach's `create_deadline` tool both write through. */
export const deadlineService = resourceService({
  name: "deadlines",
  model: (db) => db.deadline,
  create: ZCreateDeadlineSchema,
  update: ZUpdateDeadlineSchema,
  filters: ZDeadlineFiltersSchema,
  where: ({ dueBefore, status, type, taskId, eventId }) => ({
    status,
    type,
    taskId,
    eventId,
    ...(dueBefore === undefined ? {} : { dueAt: { lt: new Date(dueBefore) } }),
  }),
  sorts: {
    due: [{ dueAt: "asc" }],
    importance: [{ importance: "desc" }, { dueAt: "asc" }],
    created: [{ createdAt: "desc" }],
  },
  softDelete: true,
  references: { taskId: (db) => db.task, eventId: (db) => db.event },
  beforeWrite: [deadlineReminderAhead, extendWhenMoved],
  // A deadline's reminderAt schedules its reminder; rescheduling, trash, restore and delete move or cancel it.
  afterWrite: [deadlineReminderHook, embedOnWrite("DEADLINE")],
});

/** Any deadline not yet completed (a missed or extended one too) becomes completed; its waiting reminder is cancelled. */
export const completeDeadline = async ({ db, queues, userId, id }: TDeps & { userId: string; id: string }) => {
  const completed = await transitionOwned(
    db.deadline,
    { id, userId, noun: "deadline" },
    {
      from: ["PENDING", "MISSED", "EXTENDED"],
      data: { status: "COMPLETED" },
      refusal: () => "This deadline is already completed.",
    },
  );
  await syncDeadlineReminder({ db, queues, row: completed });
  return completed;
};
