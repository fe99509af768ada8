import type { TConversationStarter } from "@cto/contracts/api/coaching";
import type { Db } from "@cto/db/client";

import { excerpt } from "../chat/record.ts";

const MAX_STARTERS = 4;
const DAY_MS = 86_400_000;

const GENERAL: TConversationStarter[] = [
  { prompt: "Help me plan my week around what matters most.", basis: "general" },
  { prompt: "I want to set a goal for this month. Where do I start?", basis: "general" },
  { prompt: "Something is bothering me at work. Can we talk it through?", basis: "general" },
];

const quote = (text: string) => `“${excerpt(text, 80)}”`;

/**
 * Opening prompts for an empty conversation, from what the user is working on: the active goal
 * furthest behind, a commitment due within a week, a current challenge, a learning objective; then
 * general ones up to four. Built from their data alone (no model call), so it answers at once.
 */
export const suggestStarters = async ({ db, userId, now = new Date() }: { db: Db; userId: string; now?: Date }) => {
  const [goal, commitment, context] = await Promise.all([
    db.goal.findFirst({
      where: { userId, status: "ACTIVE" },
      orderBy: [{ progress: "asc" }, { deadline: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      select: { title: true, progress: true },
    }),
    db.commitment.findFirst({
      where: {
        userId,
        status: { in: ["PENDING", "SCHEDULED"] },
        dueAt: { gte: now, lte: new Date(now.getTime() + 7 * DAY_MS) },
      },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      select: { title: true },
    }),
    db.userContext.findUnique({
      where: { userId },
      select: { currentChallenges: true, learningObjectives: true },
    }),
  ]);
  const built: TConversationStarter[] = [];
  if (goal)
    built.push({
      prompt: `My goal ${quote(goal.title)} is at ${goal.progress}%. What should my next step be?`,
      basis: "goal",
    });
  if (commitment)
    built.push({ prompt: `Help me make sure I get ${quote(commitment.title)} done on time.`, basis: "commitment" });
  const challenge = context?.currentChallenges.find((text) => text.trim());
  if (challenge)
    built.push({ prompt: `I'm struggling with ${quote(challenge)}. Can we work on it?`, basis: "challenge" });
  const objective = context?.learningObjectives.find((text) => text.trim());
  if (objective) built.push({ prompt: `How can I make progress on learning ${quote(objective)}?`, basis: "objective" });
  return [...built, ...GENERAL].slice(0, MAX_STARTERS);
};
