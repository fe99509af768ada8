import { z } from "zod";

import { ZCommitmentFiltersSchema, ZCreateCommitmentSchema, ZUpdateCommitmentSchema } from "@cto/contracts/api/goals";

import type { TDeps } from "./deps.ts";
import { embedOnWrite } from "./embeddings.ts";
import { commitmentReminderAhead, commitmentReminderHook, syncCommitmentReminder } from "./reminders.ts";
import { resourceService } from "./resource.ts";
import { transitionOwned } from "./rows.ts";

const OPEN_STATUSES = ["PENDING", "SCHEDULED"] as const;
const CLOSED_STATUSES = ["COMPLETED", "SKIPPED"] as const;

const ZOpenFilterSchema = z
  .enum(["true", "false"])
  .optional()
  .describe(
    "true: only open commitments, pending or scheduled (a reminder waits); false: only completed or skipped ones",
  );

/** Commitments: what the routes and the coach's `create_commitment` tool both write through. */
export const commitmentService = resourceService({
  name: "commitments",
  model: (db) => db.commitment,
  create: ZCreateCommitmentSchema,
  update: ZUpdateCommitmentSchema,
  filters: ZCommitmentFiltersSchema.extend({ open: ZOpenFilterSchema }),
  where: ({ status, goalId, dueBefore, open }) => ({
    status:
      open === undefined
        ? status
        : { in: open === "true" ? OPEN_STATUSES : CLOSED_STATUSES, ...(status ? { equals: status } : {}) },
    goalId,
    ...(dueBefore === undefined ? {} : { dueAt: { lt: new Date(dueBefore) } }),
  }),
  sorts: { due: [{ dueAt: { sort: "asc", nulls: "last" } }], created: [{ createdAt: "desc" }] },
  references: { goalId: (db) => db.goal },
  beforeWrite: [commitmentReminderAhead],
  // Creating, rescheduling or deleting a commitment schedules, moves or cancels its reminder.
  afterWrite: [commitmentReminderHook, embedOnWrite("COMMITMENT")],
});

const CLOSE = {
  complete: () => ({ status: "COMPLETED" as const, completedAt: new Date() }),
  skip: () => ({ status: "SKIPPED" as const, skippedAt: new Date() }),
};

/** An open commitment is completed or skipped; its waiting reminder is cancelled. */
export const closeCommitment = async ({
  db,
  queues,
  userId,
  id,
  action,
}: TDeps & { userId: string; id: string; action: keyof typeof CLOSE }) => {
  const closed = await transitionOwned(
    db.commitment,
    { id, userId, noun: "commitment" },
    {
      from: OPEN_STATUSES,
      data: CLOSE[action](),
      refusal: (status) => `This commitment is already ${status.toLowerCase()}.`,
    },
  );
  await syncCommitmentReminder({ db, queues, row: closed });
  return closed;
};
