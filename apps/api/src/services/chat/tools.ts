import { randomUUID } from "node:crypto";

import { z } from "zod";

import type { TToolCall, TToolDefinition } from "@cto/ai/provider";
import { ZCreateDeadlineSchema, ZCreateTaskSchema } from "@cto/contracts/api/assistant";
import type { TChatAction } from "@cto/contracts/api/chat";
import { ZCreateEmotionSchema, ZCreateEnergyMetricSchema } from "@cto/contracts/api/coaching";
import { ZCreateCommitmentSchema, ZCreateGoalSchema } from "@cto/contracts/api/goals";

import { ApiError } from "../../errors.ts";
import { deadlineService, taskService } from "../assistant/tasks.ts";
import { commitmentService } from "../commitments.ts";
import { emotionService, energyMetricService } from "../coaching/journal.ts";
import { goalService } from "../goals.ts";
import type { TRow, TWriteDeps } from "../resource.ts";
import type { TPlannedWrite } from "./planned.ts";

type TToolContext = { userId: string; conversationId: string };
/**
 * `check` and `write` go through the entity's own service (the one its routes use), so a tool's row
 * has the same checks, hooks and side effects as one a client creates: one write path per entity.
 */
type TTool<S extends z.ZodObject = z.ZodObject> = {
  description: string;
  schema: S;
  entityType: string;
  // Methods, so a tool typed by its own schema fits the table: they only ever get what `schema` parsed.
  check(input: z.output<S>): void;
  write(deps: TWriteDeps & TToolContext & { id: string }, input: z.output<S>): Promise<TRow>;
};
/** Types `check`'s and `write`'s input by the tool's own schema. */
const defineTool = <S extends z.ZodObject>(definition: TTool<S>): TTool => definition;

// The API's own create schemas, minus references to other rows (goalId, parentId…): the model
// cannot be trusted with ids, and leaving them out spares an ownership check per reference.
const TOOLS: Record<string, TTool> = {
  create_goal: defineTool({
    description:
      "Create a goal for the user (period: daily, weekly, monthly, quarterly or yearly; deadline in Unix ms).",
    schema: ZCreateGoalSchema.pick({ title: true, description: true, period: true, deadline: true }),
    entityType: "goal",
    check: (input) => goalService.checkCreate(input),
    write: (deps, input) => goalService.create({ ...deps, input }),
  }),
  create_commitment: defineTool({
    description: "Record a concrete commitment the user made (dueAt and remindAt in Unix ms).",
    schema: ZCreateCommitmentSchema.pick({ title: true, description: true, dueAt: true, remindAt: true }),
    entityType: "commitment",
    check: (input) => commitmentService.checkCreate(input),
    write: (deps, input) => commitmentService.create({ ...deps, input }),
  }),
  log_emotion: defineTool({
    description: "Log an emotion the user reported (valence positive, neutral or negative; intensity 1-10).",
    schema: ZCreateEmotionSchema.pick({ label: true, valence: true, intensity: true, note: true }),
    entityType: "emotion",
    check: (input) => emotionService.checkCreate(input),
    write: (deps, input) =>
      emotionService.create({ ...deps, input: { ...input, conversationId: deps.conversationId } }),
  }),
  log_energy: defineTool({
    description: "Log the user's energy level (1-10).",
    schema: ZCreateEnergyMetricSchema.pick({ level: true, note: true }),
    entityType: "energy_metric",
    check: (input) => energyMetricService.checkCreate(input),
    write: (deps, input) => energyMetricService.create({ ...deps, input }),
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
    check: (input) => taskService.checkCreate(input),
    write: (deps, input) => taskService.create({ ...deps, input }),
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
    check: (input) => deadlineService.checkCreate(input),
    write: (deps, input) => deadlineService.create({ ...deps, input }),
  }),
};

/** JSON Schema of each tool's input side (what the model sends: lowercase enums, Unix ms). */
export const CHAT_TOOLS: TToolDefinition[] = Object.entries(TOOLS).map(([name, tool]) => ({
  name,
  description: tool.description,
  parameters: z.toJSONSchema(tool.schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>,
}));

const refusal = (call: TToolCall, error: string) => ({
  action: { tool: call.name, toolCallId: call.id, ok: false, error } satisfies TChatAction,
  result: { ok: false, error },
});

/**
 * Validates one tool call and plans its write, without touching the database: the row's id is chosen
 * here, so the model hears it at once, and the write waits for the reply's record transaction
 * (`TPlannedWrite`). Holding a transaction open while the model streams would hold a connection (on
 * the embedded database, the only session) for as long as the model takes. A refusal (bad arguments,
 * the service's own checks, such as a reminder time already gone) is reported back to the model
 * rather than thrown; a refusal only the write can find (a row gone meanwhile) fails the record.
 */
export const planToolCall = (
  ctx: TToolContext,
  call: TToolCall,
): { action: TChatAction; result: Record<string, unknown>; write?: TPlannedWrite } => {
  const tool = TOOLS[call.name];
  if (!tool) return { ...refusal(call, "unknown tool"), result: { ok: false, error: `No tool named ${call.name}` } };
  const parsed = tool.schema.safeParse(call.arguments);
  if (!parsed.success)
    return refusal(
      call,
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "(arguments)"}: ${issue.message}`).join("; "),
    );
  const input = parsed.data;
  try {
    tool.check(input);
  } catch (failure) {
    if (!(failure instanceof ApiError)) throw failure;
    return refusal(
      call,
      [failure.message, ...(failure.details ?? []).map((detail) => `${detail.path}: ${detail.message}`)].join(" "),
    );
  }
  const id = randomUUID();
  return {
    action: { tool: call.name, toolCallId: call.id, ok: true, entityType: tool.entityType, entityId: id },
    result: { ok: true, [`${tool.entityType}Id`]: id },
    write: {
      tool: call.name,
      toolCallId: call.id,
      entityType: tool.entityType,
      id,
      input,
      write: (deps) => tool.write({ ...deps, ...ctx, id }, input),
    },
  };
};
