import type { TAiProvider, TChatMessage } from "@cto/ai/provider";
import type { TChatSource } from "@cto/contracts/api/chat";
import { Prisma, type Db } from "@cto/db/client";
import { searchEmbeddings, searchKnowledgeChunks } from "@cto/db/vector";

const MEMORY_K = 6;
const KNOWLEDGE_K = 3;
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

const describeContext = (context: NonNullable<TUserContextRow>): string => {
  const lines: [string, string | string[] | null][] = [
    ["About", context.personalBio],
    ["Work", context.workContext],
    ["Long-term goals", context.longTermGoals],
    ["Current challenges", context.currentChallenges],
    ["Preferences for the coach", context.aiPreferences],
    ["Communication style", context.communicationStyle],
    ["Learning objectives", context.learningObjectives],
  ];
  return lines
    .filter(([, value]) => (Array.isArray(value) ? value.length > 0 : Boolean(value?.trim())))
    .map(([label, value]) => `- ${label}: ${Array.isArray(value) ? value.join("; ") : value}`)
    .join("\n");
};

/**
 * The user's own memory (never anyone else's: searchEmbeddings filters by user) and the active
 * knowledge base, nearest to the question, in the provider's embedding space only.
 * Messages already in the history window are skipped: the model sees them anyway.
 */
export const retrieveSources = async ({ db, ai, userId, question, excludeOwnerIds }: { db: Db; ai: TAiProvider; userId: string; question: string; excludeOwnerIds: Set<string> }): Promise<TChatSource[]> => {
  const { vectors } = await ai.embed([question]);
  const vector = vectors[0]!;
  const [memory, knowledge] = await Promise.all([
    searchEmbeddings(db, { userId, vector, model: ai.embeddingModel, k: MEMORY_K + excludeOwnerIds.size }),
    searchKnowledgeChunks(db, { vector, model: ai.embeddingModel, k: KNOWLEDGE_K, activeOnly: true }),
  ]);
  const memorySources = memory
    .filter((match) => match.score >= MIN_SCORE && !excludeOwnerIds.has(match.ownerId))
    .slice(0, MEMORY_K)
    .map((match) => ({ kind: "memory" as const, id: match.ownerId, ownerKind: match.ownerKind.toLowerCase(), content: match.content, score: match.score }));
  const knowledgeSources = knowledge
    .filter((match) => match.score >= MIN_SCORE)
    .map((match) => ({ kind: "knowledge" as const, id: match.id, content: match.textContent, score: match.score }));
  return [...memorySources, ...knowledgeSources];
};

/** The last messages of the thread, oldest first; tool plumbing of earlier turns is left out (it needs its call pairs). */
export const loadHistory = async (db: Db, conversationId: string) => {
  const rows = await db.message.findMany({
    where: { conversationId, role: { in: ["USER", "ASSISTANT"] }, toolCalls: { equals: Prisma.DbNull } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
    select: { id: true, role: true, content: true },
  });
  return rows.reverse().filter((row) => row.content.trim().length > 0);
};

export const buildPrompt = ({ userContext, sources, history }: { userContext: TUserContextRow; sources: TChatSource[]; history: { role: string; content: string }[] }): TChatMessage[] => {
  const parts = [PERSONA];
  const profile = userContext ? describeContext(userContext) : "";
  if (profile) parts.push(`What the user has told you about themselves:\n${profile}`);
  if (sources.length) {
    const numbered = sources.map((source, i) => `[${i + 1}] (${source.kind === "memory" ? `memory: ${source.ownerKind}` : "knowledge base"}) ${source.content}`);
    parts.push(`Sources:\n${numbered.join("\n")}`);
  }
  return [{ role: "system", content: parts.join("\n\n") }, ...history.map((row) => ({ role: row.role === "USER" ? ("user" as const) : ("assistant" as const), content: row.content }))];
};
