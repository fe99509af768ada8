import type { TAiProvider, TChatGrounding, TChatMessage } from "@cto/ai/provider";
import { chatBranches } from "@cto/contracts/api/chat-branches";
import type { TChatSource } from "@cto/contracts/api/chat";
import { isTimezone } from "@cto/contracts/time";
import { Prisma, type Db } from "@cto/db/client";
import { searchEmbeddings, searchKnowledgeChunks } from "@cto/db/vector";

import type { TSharedCache } from "../../lib/shared-cache.ts";
import { getUserContext } from "../coaching/profile.ts";
import { searchParents } from "../search-parents.ts";
import { activeThread } from "./regenerate.ts";

const MEMORY_K = 6;
const GOALS_K = 5;
const COMMITMENTS_K = 5;
const KNOWLEDGE_K = 3;
const EVENTS_K = 5;
const EVENTS_AHEAD_MS = 7 * 24 * 60 * 60 * 1000;
const HISTORY_LIMIT = 20;
// Below this cosine similarity a "memory" shares no meaning with the question and would only add noise.
const MIN_SCORE = 0.05;

const PERSONA = [
  "You are Cto, a calm and practical coach for people who lead engineering teams.",
  "Ground your advice in what the user told you before and in the numbered sources below; cite them as [n] when you use them.",
  "Be concise, ask at most one question, and never invent facts about the user.",
  "When the user clearly asks you to record a goal, commitment, task, deadline, emotion or energy level, use the matching tool.",
].join(" ");

type TUserContextRow = Awaited<ReturnType<Db["userContext"]["findUnique"]>>;

/** Every field of the user's context profile the user filled in, labelled for the model (and the offline coach). */
const profileOf = (context: NonNullable<TUserContextRow>): { label: string; value: string }[] => {
  const lines: [string, string | string[] | null][] = [
    ["About", context.personalBio],
    ["Work", context.workContext],
    ["Expertise", context.expertiseAreas],
    ["Long-term goals", context.longTermGoals],
    ["Current challenges", context.currentChallenges],
    ["Learning objectives", context.learningObjectives],
    ["Preferences for the coach", context.aiPreferences],
    ["Communication style", context.communicationStyle],
    ["Decision-making style", context.decisionMakingStyle],
    ["Time-management style", context.timeManagementStyle],
    ["Working hours", context.workingHours],
    ["Preferred meeting times", context.preferredMeetingTimes],
  ];
  return lines
    .filter(([, value]) => (Array.isArray(value) ? value.length > 0 : Boolean(value?.trim())))
    .map(([label, value]) => ({ label, value: Array.isArray(value) ? value.join("; ") : value! }));
};

/**
 * What the coach knows about the user besides memory: profile, active goals, open commitments, the
 * week's upcoming events (typed or synced from a connected calendar), timezone.
 */
export const loadCoachContext = async (db: Db, userId: string, sharedCache?: TSharedCache, now = new Date()) => {
  const [userContext, goals, commitments, events, user] = await Promise.all([
    getUserContext({ db, userId, sharedCache }),
    db.goal.findMany({
      where: { userId, status: "ACTIVE" },
      orderBy: [{ deadline: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
      take: GOALS_K,
      select: { title: true, progress: true, period: true, deadline: true },
    }),
    db.commitment.findMany({
      where: { userId, status: { in: ["PENDING", "SCHEDULED"] } },
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
      take: COMMITMENTS_K,
      select: { title: true, dueAt: true, remindAt: true },
    }),
    db.event.findMany({
      where: {
        userId,
        status: { not: "CANCELLED" },
        startsAt: { gte: now, lt: new Date(now.getTime() + EVENTS_AHEAD_MS) },
      },
      orderBy: { startsAt: "asc" },
      take: EVENTS_K,
      select: { title: true, startsAt: true, location: true },
    }),
    db.user.findUnique({ where: { id: userId }, select: { preferences: true } }),
  ]);
  const timezone = (user?.preferences as { timezone?: unknown } | null)?.timezone;
  return { userContext, goals, commitments, events, timezone: isTimezone(timezone) ? timezone : "UTC" };
};
export type TCoachContext = Awaited<ReturnType<typeof loadCoachContext>>;

/** "2026-03-28 21:30" on the clocks of `timezone`. */
const localTime = (at: Date, timezone: string) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);

/**
 * The user's own memory (never anyone else's: searchEmbeddings filters by user) and the active
 * knowledge base, nearest to the question, in the provider's embedding space only.
 * Messages already in the history window are skipped: the model sees them anyway.
 */
export const retrieveSources = async ({
  db,
  ai,
  userId,
  question,
  excludeOwnerIds,
}: {
  db: Db;
  ai: TAiProvider;
  userId: string;
  question: string;
  excludeOwnerIds: Set<string>;
}): Promise<TChatSource[]> => {
  const { vector } = await ai.embedQuery(question);
  const [memory, knowledge] = await Promise.all([
    searchEmbeddings(db, { userId, vector, model: ai.embeddingModel, k: MEMORY_K + excludeOwnerIds.size }),
    searchKnowledgeChunks(db, { vector, model: ai.embeddingModel, k: KNOWLEDGE_K, activeOnly: true }),
  ]);
  const matches = memory
    .filter((match) => match.score >= MIN_SCORE && !excludeOwnerIds.has(match.ownerId))
    .slice(0, MEMORY_K);
  // Where each is shown (a message's conversation…), so the reply's sources open what they cite.
  const parents = await searchParents(db, userId, matches);
  const memorySources = matches.map((match) => ({
    kind: "memory" as const,
    id: match.ownerId,
    ownerKind: match.ownerKind.toLowerCase(),
    parentId: parents.get(match.ownerId) ?? null,
    content: match.content,
    score: match.score,
  }));
  const knowledgeSources = knowledge
    .filter((match) => match.score >= MIN_SCORE)
    .map((match) => ({ kind: "knowledge" as const, id: match.id, content: match.textContent, score: match.score }));
  return [...memorySources, ...knowledgeSources];
};

/**
 * The last messages of the thread's current branch, oldest first, with one reply per message; tool
 * plumbing of earlier turns is left out (it needs its call pairs). `elsewhere`: the thread's messages
 * off it (abandoned versions, their branches, replies not chosen), never to be cited as memory either.
 */
export const loadHistory = async (db: Db, conversationId: string) => {
  const rows = await db.message.findMany({
    where: { conversationId, role: { in: ["USER", "ASSISTANT"] }, toolCalls: { equals: Prisma.DbNull } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, role: true, content: true, metadata: true },
  });
  const current = activeThread(chatBranches(rows).current);
  const kept = new Set(current.map((row) => row.id));
  return {
    history: current
      .slice(-HISTORY_LIMIT)
      .filter((row) => row.content.trim().length > 0)
      .map(({ id, role, content }) => ({ id, role, content })),
    elsewhere: rows.filter((row) => !kept.has(row.id)).map((row) => row.id),
  };
};

/**
 * The system message and the thread for the model, and the same facts as data (`grounding`) for
 * a provider that cannot read prose, so the offline coach answers from them without quoting the prompt.
 */
export const buildPrompt = ({
  context,
  sources,
  history,
  now = new Date(),
}: {
  context: TCoachContext;
  sources: TChatSource[];
  history: { role: string; content: string }[];
  now?: Date;
}): { messages: TChatMessage[]; grounding: TChatGrounding } => {
  const { userContext, goals, commitments, events, timezone } = context;
  const parts = [
    PERSONA,
    `Now: ${localTime(now, timezone)} in the user's timezone (${timezone}), Unix ms ${now.getTime()}. Tool arguments take times in Unix ms.`,
  ];
  const profile = userContext ? profileOf(userContext) : [];
  if (profile.length)
    parts.push(
      `What the user has told you about themselves:\n${profile.map(({ label, value }) => `- ${label}: ${value}`).join("\n")}`,
    );
  if (goals.length) {
    const lines = goals.map(
      (goal) =>
        `- "${goal.title}": ${goal.progress}% done, ${goal.period.toLowerCase()}${goal.deadline ? `, deadline ${localTime(goal.deadline, timezone)}` : ""}`,
    );
    parts.push(`The user's active goals:\n${lines.join("\n")}`);
  }
  if (commitments.length) {
    const lines = commitments.map(
      (item) =>
        `- "${item.title}"${item.dueAt ? `, due ${localTime(item.dueAt, timezone)}` : ""}${item.remindAt ? `, reminder ${localTime(item.remindAt, timezone)}` : ""}`,
    );
    parts.push(`The user's open commitments:\n${lines.join("\n")}`);
  }
  if (events.length) {
    const lines = events.map(
      (event) =>
        `- "${event.title}", ${localTime(event.startsAt, timezone)}${event.location ? `, at ${event.location}` : ""}`,
    );
    parts.push(`The user's upcoming events (next 7 days):\n${lines.join("\n")}`);
  }
  if (sources.length) {
    const numbered = sources.map(
      (source, i) =>
        `[${i + 1}] (${source.kind === "memory" ? `memory: ${source.ownerKind}` : "knowledge base"}) ${source.content}`,
    );
    parts.push(`Sources:\n${numbered.join("\n")}`);
  }
  const grounding: TChatGrounding = {
    purpose: "coach",
    now: now.getTime(),
    timezone,
    profile,
    goals: goals.map((goal) => ({
      title: goal.title,
      progress: goal.progress,
      period: goal.period.toLowerCase(),
      deadline: goal.deadline?.getTime() ?? null,
    })),
    commitments: commitments.map((item) => ({
      title: item.title,
      dueAt: item.dueAt?.getTime() ?? null,
      remindAt: item.remindAt?.getTime() ?? null,
    })),
    sources: sources.map((source) => ({
      kind: source.kind,
      ...(source.ownerKind ? { ownerKind: source.ownerKind } : {}),
      content: source.content,
    })),
  };
  const thread = history.map((row) => ({
    role: row.role === "USER" ? ("user" as const) : ("assistant" as const),
    content: row.content,
  }));
  return { messages: [{ role: "system", content: parts.join("\n\n") }, ...thread], grounding };
};
