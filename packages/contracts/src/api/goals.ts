import { z } from "zod";

import { ZApiTimestampSchema } from "../boundary.ts";
import { ZGoalPeriodSchema, ZGoalStatusSchema, ZReminderStatusSchema } from "../enums.ts";
import { Commitment, Goal } from "../generated/drizzle/schema.ts";
import { apiRowSchema } from "../rows.ts";
import { ZQueryTimestampSchema, zText } from "../values.ts";

export const ZGoalSchema = apiRowSchema(Goal, { omit: ["userId"] });
export type TGoal = z.infer<typeof ZGoalSchema>;

export const ZCreateGoalSchema = z.object({
  title: zText().trim().min(1).max(200),
  description: zText().max(5000).nullable().optional(),
  period: ZGoalPeriodSchema,
  status: ZGoalStatusSchema.optional(),
  progress: z.number().int().min(0).max(100).optional(),
  startDate: ZApiTimestampSchema.optional(),
  deadline: ZApiTimestampSchema.nullable().optional(),
});
export type TCreateGoal = z.input<typeof ZCreateGoalSchema>;
export const ZUpdateGoalSchema = ZCreateGoalSchema.partial();
export const ZGoalFiltersSchema = z.object({
  status: ZGoalStatusSchema.optional(),
  period: ZGoalPeriodSchema.optional(),
});

export const ZCommitmentSchema = apiRowSchema(Commitment, { omit: ["userId"] });
export type TCommitment = z.infer<typeof ZCommitmentSchema>;

export const ZCreateCommitmentSchema = z.object({
  title: zText().trim().min(1).max(200),
  description: zText().max(5000).nullable().optional(),
  goalId: z.uuid().nullable().optional(),
  status: ZReminderStatusSchema.optional(),
  dueAt: ZApiTimestampSchema.nullable().optional(),
  remindAt: ZApiTimestampSchema.nullable().optional(),
});
export const ZUpdateCommitmentSchema = ZCreateCommitmentSchema.partial();
export const ZCommitmentFiltersSchema = z.object({
  status: ZReminderStatusSchema.optional(),
  goalId: z.uuid().optional(),
  dueBefore: ZQueryTimestampSchema.optional().describe(
    "Only commitments due before this Unix ms (approaching deadlines)",
  ),
});
