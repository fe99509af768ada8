// Type-checked by test/consumer.test.ts in a scratch project with the packed packages installed,
// under moduleResolution NodeNext, as another team's TypeScript would see them.
import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import type { TAiProvider } from "@cto/ai/provider";
import { ZCreateGoalSchema, ZGoalSchema, type TCreateGoal } from "@cto/contracts/api/goals";
import { toApiEnum } from "@cto/contracts/boundary";
import { Goal as GoalTable } from "@cto/contracts/tables";
import { toApiRow } from "@cto/contracts/rows";
import { createDb, type Db } from "@cto/db/client";
import { ConflictError, withDbErrors } from "@cto/db/errors";
import type { Goal } from "@cto/db/generated";
import { searchEmbeddings } from "@cto/db/vector";

const request: TCreateGoal = { title: "Run a 10k", period: "monthly" };
const input = ZCreateGoalSchema.parse(request);
const period: "DAILY" | "WEEKLY" | "MONTHLY" | "QUARTERLY" | "YEARLY" = input.period;

const ai: TAiProvider = createAiProvider(parseAiConfig({}));
const db: Db = createDb({ url: "postgresql://127.0.0.1:5432/example" });

export const listGoals = async (userId: string) => {
  const goals: Goal[] = await withDbErrors(() => db.goal.findMany({ where: { userId, period } }));
  const { vector } = await ai.embedQuery(input.title);
  const matches = await searchEmbeddings(db, { userId, vector, k: 3 });
  return {
    goals: goals.map((goal) => ZGoalSchema.parse(toApiRow(GoalTable, goal))),
    matches,
    status: toApiEnum(goals[0]?.status ?? "ACTIVE"),
  };
};

export const isConflict = (error: unknown) => error instanceof ConflictError && error.fields.length > 0;

// The types are real, not `any`: each line below must be refused.
// @ts-expect-error a goal has no `nope` field
export const nope = (goal: Goal) => goal.nope;
// @ts-expect-error a period is one of the enum's values
export const badPeriod: TCreateGoal["period"] = "fortnightly";
// @ts-expect-error createDb takes options, not a string
createDb("postgresql://127.0.0.1:5432/example");
