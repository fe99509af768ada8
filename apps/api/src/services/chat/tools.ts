import { z } from "zod";

import type { TToolCall, TToolDefinition } from "@cto/ai/provider";
import { ZCreateDeadlineSchema, ZCreateTaskSchema } from "@cto/contracts/api/assistant";
import type { TChatAction } from "@cto/contracts/api/chat";
import { ZCreateEmotionSchema, ZCreateEnergyMetricSchema } from "@cto/contracts/api/coaching";
import { ZCreateCommitmentSchema, ZCreateGoalSchema } from "@cto/contracts/api/goals";
import type { Db } from "@cto/db/client";
import type { TQueues } from "@cto/queue/queues";

import { ApiError } from "../../errors.ts";
import { deadlineService, taskService } from "../assistant/tasks.ts";
import { commitmentService } from "../commitments.ts";
import { emotionService, energyMetricService } from "../coaching/journal.ts";
import { goalService } from "../goals.ts";

/** `queues` absent or null (no Redis, or a caller without them): reminders are still recorded and the worker's reconcile enqueues them, and the sweep embeds the rows. */
type TToolContext = { db: Db; userId: string; conversationId: string; queues?: TQueues | null };
/** `run` writes the row with every side effect its routes have (embedding, reminder): through the entity's service. */
type TTool<S extends z.ZodObject = z.ZodObject> = {
  description: string;
  schema: S;
  entityType: string;
  // A method, so a tool typed by its own schema fits the table: `run` only ever gets what `schema` parsed.
  run(ctx: TToolContext, input: z.output<S>): Promise<{ id: string }>;
};
/** Types `run`'s input by the tool's own schema. */
const defineTool = <S extends z.ZodObject>(definition: TTool<S>): TTool => definition;

const depsOf = ({ db, queues }: TToolContext) => ({ db, queues: queues ?? null });

// The API's own create schemas, minus references to other rows (goalId, parentId…): the model
// cannot be trusted with ids, and leaving them out spares an ownership check per reference.
const TOOLS: Record<string, TTool> = {
  create_goal: defineTool({
    description:
      "Create a goal for the user (period: daily, weekly, monthly, quarterly or yearly; deadline in Unix ms).",
    schema: ZCreateGoalSchema.pick({ title: true, description: true, period: true, deadline: true }),
    entityType: "goal",
    run: (ctx, input) => goalService.create({ ...depsOf(ctx), userId: ctx.userId, input }),
  }),
  create_commitment: defineTool({
    description: "Record a concrete commitment the user made (dueAt and remindAt in Unix ms).",
    schema: ZCreateCommitmentSchema.pick({ title: true, description: true, dueAt: true, remindAt: true }),
    entityType: "commitment",
    run: (ctx, input) => commitmentService.create({ ...depsOf(ctx), userId: ctx.userId, input }),
  }),
  log_emotion: defineTool({
    description: "Log an emotion the user reported (valence positive, neutral or negative; intensity 1-10).",
    schema: ZCreateEmotionSchema.pick({ label: true, valence: true, intensity: true, note: true }),
    entityType: "emotion",
    run: (ctx, input) =>
      emotionService.create({
        ...depsOf(ctx),
        userId: ctx.userId,
        input: { ...input, conversationId: ctx.conversationId },
      }),
  }),
  log_energy: defineTool({
    description: "Log the user's energy level (1-10).",
    schema: ZCreateEnergyMetricSchema.pick({ level: true, note: true }),
    entityType: "energy_metric",
    run: (ctx, input) => energyMetricService.create({ ...depsOf(ctx), userId: ctx.userId, input }),
  }),
  create_task: defineTool({
    description: "Create a task for the user (priority low, medium, high or urgent; dueDate in Unix ms).",
    schema: ZCreateTaskSchema.pick({
      title: true,
      description: true,
      priority: true,
      dueDate: true,
      estimatedMinutes: true,
    }),
    entityType: "task",
    run: (ctx, input) => taskService.create({ ...depsOf(ctx), userId: ctx.userId, input }),
  }),
  create_deadline: defineTool({
    description: "Create a deadline for the user (dueAt and reminderAt in Unix ms; importance 1-10).",
    schema: ZCreateDeadlineSchema.pick({
      title: true,
      description: true,
      type: true,
      dueAt: true,
      reminderAt: true,
      importance: true,
      consequences: true,
    }),
    entityType: "deadline",
    run: (ctx, input) => deadlineService.create({ ...depsOf(ctx), userId: ctx.userId, input }),
  }),
};

/** JSON Schema of each tool's input side (what the model sends: lowercase enums, Unix ms). */
export const CHAT_TOOLS: TToolDefinition[] = Object.entries(TOOLS).map(([name, tool]) => ({
  name,
  description: tool.description,
  parameters: z.toJSONSchema(tool.schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>,
}));

/** Validates and runs one tool call; a refusal is reported back to the model rather than thrown. */
export const runToolCall = async (
  ctx: TToolContext,
  call: TToolCall,
): Promise<{ action: TChatAction; result: Record<string, unknown> }> => {
  const tool = TOOLS[call.name];
  if (!tool)
    return {
      action: { tool: call.name, toolCallId: call.id, ok: false, error: "unknown tool" },
      result: { ok: false, error: `No tool named ${call.name}` },
    };
  const parsed = tool.schema.safeParse(call.arguments);
  if (!parsed.success) {
    const error = parsed.error.issues
      .map((issue) => `${issue.path.join(".") || "(arguments)"}: ${issue.message}`)
      .join("; ");
    return { action: { tool: call.name, toolCallId: call.id, ok: false, error }, result: { ok: false, error } };
  }
  let row: { id: string };
  try {
    row = await tool.run(ctx, parsed.data);
  } catch (failure) {
    // The service's own refusal (a reminder time already gone): the model hears why, like a schema error.
    if (!(failure instanceof ApiError)) throw failure;
    const error = [
      failure.message,
      ...(failure.details ?? []).map((detail) => `${detail.path}: ${detail.message}`),
    ].join(" ");
    return { action: { tool: call.name, toolCallId: call.id, ok: false, error }, result: { ok: false, error } };
  }
  return {
    action: { tool: call.name, toolCallId: call.id, ok: true, entityType: tool.entityType, entityId: row.id },
    result: { ok: true, [`${tool.entityType}Id`]: row.id },
  };
};
