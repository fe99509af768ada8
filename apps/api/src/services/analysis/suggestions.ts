import { AiProviderError } from "@cto/ai/errors";
import type { TAiProvider } from "@cto/ai/provider";
import { canTransition } from "@cto/contracts/api/analysis";
import type { AnalysisSession, Db } from "@cto/db/client";
import { searchKnowledgeChunks } from "@cto/db/vector";

import { ApiError } from "../../errors.ts";
import { countAiUsage } from "../../metrics.ts";
import type { TDeps } from "../deps.ts";
import { syncOwnerEmbeddings } from "../embeddings.ts";
import { giveBackGeneration } from "../generation-quota.ts";
import { ocrProgress } from "./screenshot.ts";
import { findOwnedSession } from "./sessions.ts";
import {
  draftSuggestions,
  SuggestionFormatError,
  type TConversationLine,
  type TKnowledgeSource,
} from "./suggestion-drafts.ts";

const HISTORY_LIMIT = 40;
const KNOWLEDGE_K = 3;
// Below this cosine similarity a knowledge note shares no meaning with the chat and only adds noise.
const MIN_SCORE = 0.05;
const TEMPERATURE = 0.8;
const MAX_TOKENS = 1200;

/** The chat's last messages (not earlier suggestions), oldest first. */
const loadConversation = async (db: Db, sessionId: string): Promise<TConversationLine[]> => {
  const rows = await db.analysisMessage.findMany({
    where: { analysisSessionId: sessionId, author: { in: ["USER", "CONTACT"] } },
    orderBy: [{ timestamp: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
    select: { author: true, text: true },
  });
  return rows.reverse().map((row) => ({ author: row.author as TConversationLine["author"], text: row.text }));
};

/** 001's RAG: the active knowledge notes nearest to the end of the chat, within the phase and goal asked for. */
const retrieveKnowledge = async ({
  db,
  ai,
  conversation,
  phase,
  goal,
}: {
  db: Db;
  ai: TAiProvider;
  conversation: TConversationLine[];
  phase?: number;
  goal?: string;
}): Promise<TKnowledgeSource[]> => {
  const question = conversation
    .slice(-4)
    .map((line) => line.text)
    .join("\n");
  const { vectors, model } = await ai.embed([question]);
  const matches = (
    await searchKnowledgeChunks(db, {
      vector: vectors[0]!,
      model,
      k: KNOWLEDGE_K,
      activeOnly: true,
      ...(phase === undefined ? {} : { phase }),
      ...(goal ? { goal } : {}),
    })
  ).filter((match) => match.score >= MIN_SCORE);
  const details = await db.knowledgeChunk.findMany({
    where: { id: { in: matches.map((match) => match.id) } },
    select: { id: true, techniques: true },
  });
  const techniques = new Map(details.map((row) => [row.id, row.techniques]));
  return matches.map((match) => ({
    id: match.id,
    chunkId: match.chunkId,
    textContent: match.textContent,
    score: match.score,
    goal: match.goal,
    techniques: techniques.get(match.id) ?? [],
  }));
};

/**
 * Suggestions are the analysis step: the session must be in it or able to enter it (a text session
 * waiting for input, any complete session), with a conversation to analyse. A screenshot still
 * waiting for its OCR check is confirmed first, so no unverified text is analysed.
 */
export const assertCanSuggest = async (db: Db, session: AnalysisSession) => {
  if (session.status === "VERIFYING_OCR")
    throw new ApiError(
      "invalid_state",
      "Confirm the OCR result first (POST /analysis-sessions/{id}/ocr-result/confirm).",
    );
  if (session.status !== "ANALYSIS_IN_PROGRESS" && !canTransition(session.type, session.status, "ANALYSIS_IN_PROGRESS"))
    throw new ApiError(
      "invalid_state",
      `Suggestions need a session in analysis or complete; this ${session.type.toLowerCase()} session is ${session.status.toLowerCase()}.`,
    );
  if (session.type === "SCREENSHOT" && (await ocrProgress(db, session)).pending)
    throw new ApiError("invalid_state", "The screenshot is still being read; check and confirm its text first.");
  const count = await db.analysisMessage.count({
    where: { analysisSessionId: session.id, author: { in: ["USER", "CONTACT"] } },
  });
  if (!count)
    throw new ApiError(
      "invalid_state",
      "The session has no messages to analyse yet; add the conversation (or confirm the OCR result) first.",
    );
};

const aiFailure = (error: unknown) => {
  if (error instanceof AiProviderError)
    return new ApiError(
      error.code === "rate_limited" ? "rate_limited" : "service_unavailable",
      `The AI provider failed: ${error.message}`,
    );
  if (error instanceof SuggestionFormatError) return new ApiError("service_unavailable", `${error.message} Try again.`);
  return error;
};

/**
 * Enters analysis, drafts the suggestions, then stores them as AI messages and completes the
 * session in one transaction. A failed draft puts the session back where it was, with nothing stored.
 */
export const generateSuggestions = async ({
  db,
  ai,
  session,
  count,
  phase,
  goal,
}: {
  db: Db;
  ai: TAiProvider;
  session: AnalysisSession;
  count: number;
  phase?: number;
  goal?: string;
}) => {
  const { id } = session;
  if (session.status !== "ANALYSIS_IN_PROGRESS") {
    const { count: claimed } = await db.analysisSession.updateMany({
      where: { id, status: session.status, deletedAt: null },
      data: { status: "ANALYSIS_IN_PROGRESS" },
    });
    if (!claimed) throw new ApiError("invalid_state", "The session changed meanwhile; read it again.");
  }
  const startedAt = new Date();
  const conversation = await loadConversation(db, id);
  let sources: TKnowledgeSource[] = [];
  let drafted: Awaited<ReturnType<typeof draftSuggestions>>;
  try {
    sources = await retrieveKnowledge({
      db,
      ai,
      conversation,
      ...(phase === undefined ? {} : { phase }),
      ...(goal ? { goal } : {}),
    });
    drafted = await draftSuggestions({
      ai,
      conversation,
      sources,
      count,
      temperature: TEMPERATURE,
      maxTokens: MAX_TOKENS,
    });
  } catch (error) {
    await db.analysisSession.updateMany({
      where: { id, status: "ANALYSIS_IN_PROGRESS" },
      data: { status: session.status },
    });
    throw aiFailure(error);
  }

  const written = await db.$transaction(async (tx) => {
    const now = Date.now();
    // One millisecond apart after the chat, so they list in the order the model gave them.
    await tx.analysisMessage.createMany({
      data: drafted.drafts.map((draft, i) => ({
        analysisSessionId: id,
        author: "AI" as const,
        text: draft.text,
        title: draft.title,
        tag: draft.tag,
        analysis: draft.analysis,
        timestamp: new Date(now + i),
      })),
    });
    const { count: completed } = await tx.analysisSession.updateMany({
      where: { id, status: "ANALYSIS_IN_PROGRESS", deletedAt: null },
      data: { status: "COMPLETE", lastActivity: new Date(now) },
    });
    if (!completed)
      throw new ApiError("invalid_state", "The session changed while the suggestions were written; read it again.");
    await tx.auditLog.create({
      data: {
        userId: session.userId,
        actionType: "suggest",
        actionCategory: "agent",
        entityType: "analysis_session",
        entityId: id,
        intent: "Suggest replies for the analysed chat",
        inputSummary: `${conversation.length} messages`,
        outputSummary: drafted.drafts
          .map((draft) => draft.title)
          .join("; ")
          .slice(0, 500),
        metadata: {
          model: drafted.model,
          provider: ai.kind,
          usage: drafted.usage,
          sources: sources.map((source) => source.chunkId),
        },
        startedAt,
        completedAt: new Date(),
        durationMs: Date.now() - startedAt.getTime(),
        assumptions: {
          create: sources.map((source, i) => ({
            assumption: `Knowledge note [${i + 1}] ${source.chunkId} fits this chat`,
            category: "context",
            evidence: { chunkId: source.chunkId, score: source.score },
            confidence: Math.round(Math.min(1, Math.max(0, source.score)) * 100) / 100,
          })),
        },
      },
    });
    const suggestions = await tx.analysisMessage.findMany({
      where: { analysisSessionId: id, author: "AI", timestamp: { gte: new Date(now) } },
      orderBy: [{ timestamp: "asc" }, { id: "asc" }],
      include: { interactions: { where: { userId: session.userId }, select: { type: true } } },
    });
    return {
      session: await tx.analysisSession.findFirstOrThrow({ where: { id } }),
      suggestions,
      sources,
      model: drafted.model,
      provider: ai.kind,
    };
  });
  countAiUsage({
    feature: "suggestions",
    model: drafted.model,
    ...drafted.usage,
    cost: ai.costOf(drafted.model, drafted.usage),
  });
  return written;
};

/**
 * Reply suggestions for the user's session `id`: checked first (`assertCanSuggest`), then one of the
 * day's AI generations is taken (`spendGeneration`, 429 past the limit) and given back when no
 * suggestions came of it (the provider failed, or its answer was unusable). The suggestions are
 * analysis messages, embedded as the session's searchable memory.
 */
export const suggestReplies = async ({
  ai,
  userId,
  id,
  count,
  phase,
  goal,
  spendGeneration,
  ...deps
}: TDeps & {
  ai: TAiProvider;
  userId: string;
  id: string;
  count: number;
  phase?: number | undefined;
  goal?: string | undefined;
  spendGeneration: () => Promise<unknown>;
}) => {
  const { db } = deps;
  const session = await findOwnedSession(db, userId, id);
  await assertCanSuggest(db, session);
  await spendGeneration();
  const result = await generateSuggestions({
    db,
    ai,
    session,
    count,
    ...(phase === undefined ? {} : { phase }),
    ...(goal ? { goal } : {}),
  }).catch(async (error: unknown) => {
    await giveBackGeneration({ db, userId });
    throw error;
  });
  await syncOwnerEmbeddings({
    ...deps,
    userId,
    ownerKind: "ANALYSIS_MESSAGE",
    ownerIds: result.suggestions.map((suggestion) => suggestion.id),
    event: "create",
  });
  return result;
};
