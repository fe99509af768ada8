import type { TAiProvider, TChatUsage, TToolCall } from "@cto/ai/provider";
import type { TChatAction, TChatSource } from "@cto/contracts/api/chat";
import { embedOwners } from "@cto/core/embeddings";
import type { Db, DbTransaction } from "@cto/db/client";
import type { MessageSource } from "@cto/db/generated";
import type { TQueues } from "@cto/queue/queues";

import { countAiUsage } from "../../metrics.ts";
import { deferQueues, snapshotOf, type TPlannedWrite } from "./planned.ts";

export const TEMPERATURE = 0.7;
export const MAX_TOKENS = 1024;

export const excerpt = (text: string, max = 200) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
};
const clamp01 = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;

/** First sentence of the latest user message and the thread's length: deterministic, no second model call. */
const summarize = (userContent: string, messageCount: number) =>
  `${excerpt(userContent.split(/(?<=[.!?])\s/)[0] ?? userContent, 240)} (${messageCount} messages)`;

export type TTurn = {
  userId: string;
  sessionId?: string;
  conversationId: string;
  userMessage: { id: string; content: string };
  startedAt: Date;
  messageCount: number;
  /** Where the user's message came from; the reply is recorded as going back the same way (WEB when unset). */
  source?: MessageSource;
  /** The message's reply failed before and this turn is its retry. */
  retry?: boolean;
};
export type TTurnOutcome = {
  content: string;
  /** The model that answered, as the provider reported it (a dated snapshot of the one asked for, say). */
  model: string;
  /** The model the reply asked for (the conversation's, the user's default or the provider's). */
  requestedModel: string;
  usage: TChatUsage;
  cost: number;
  latencyMs: number;
  finishReason: string;
  rounds: number;
  sources: TChatSource[];
  actions: TChatAction[];
  usedUserContextId?: string;
  /** The user stopped the reply: `content` is what streamed before. */
  stopped?: boolean;
  /** The tool rounds of this turn, in order, stored with the reply. */
  toolRounds?: TToolRound[];
  /** The rows the tool calls planned (`planToolCall`), written in the reply's transaction. */
  writes?: TPlannedWrite[];
};

/** One tool round: the assistant's calls and each call's result, as the model saw them at `at` (ms). */
export type TToolRound = {
  at: number;
  content: string;
  toolCalls: TToolCall[];
  results: { toolCallId: string; result: unknown; action: TChatAction }[];
};

/**
 * Where the reply to a user message stands, kept in that message's `metadata.reply` so a client
 * can offer Retry after a reload: `pending` while a turn runs, `failed` with what went wrong,
 * `answered` with the reply's id (`stopped` when the user stopped it and it holds what streamed before).
 */
export type TReplyState =
  | { status: "pending"; at: number }
  | { status: "failed"; at: number; code: string; message: string }
  | { status: "answered"; at: number; messageId: string; stopped?: true };

type TWriter = Pick<Db, "$executeRaw">;

/** Merges `reply` into the message's metadata (a Telegram message keeps its delivery details). */
export const setReplyState = (db: TWriter, messageId: string, state: TReplyState) =>
  db.$executeRaw`UPDATE messages SET metadata = metadata || jsonb_build_object('reply', ${JSON.stringify(state)}::jsonb) WHERE id = ${messageId}::uuid`;

/** The audit entry's fields every reply shares, answered or failed. */
const replyAudit = (turn: TTurn) => ({
  userId: turn.userId,
  sessionId: turn.sessionId ?? null,
  conversationId: turn.conversationId,
  actionType: "respond",
  actionCategory: "agent" as const,
  intent: "Reply to the user's message",
  inputSummary: excerpt(turn.userMessage.content),
});

/** What the reply relied on, for the audit trail: each source, the profile, and each action's reading of the user's intent. */
const assumptionsOf = (outcome: TTurnOutcome) => {
  const fromSources = outcome.sources.map((source, i) => ({
    assumption: `Source [${i + 1}] (${source.kind === "memory" ? `memory: ${source.ownerKind}` : "knowledge base"}) is relevant: "${excerpt(source.content, 120)}"`,
    category: "context",
    evidence: {
      kind: source.kind,
      id: source.id,
      ownerKind: source.ownerKind ?? null,
      score: source.score,
      rank: i + 1,
    },
    confidence: clamp01(source.score),
  }));
  const none = {
    assumption: "No stored memory or knowledge matched; the reply relies on the conversation alone",
    category: "context",
    evidence: { sources: [] },
    confidence: 0.5,
  };
  const profile = outcome.usedUserContextId
    ? [
        {
          assumption: "The user's profile (UserContext) still describes them",
          category: "preference",
          evidence: { userContextId: outcome.usedUserContextId },
          confidence: 0.7,
        },
      ]
    : [];
  const intents = outcome.actions.map((action) => ({
    assumption: `The user asked for ${action.tool}`,
    category: "intent",
    evidence: { toolCallId: action.toolCallId, entityId: action.entityId ?? null, ok: action.ok },
    confidence: action.ok ? 0.8 : 0.3,
  }));
  return [...(fromSources.length ? fromSources : [none]), ...profile, ...intents];
};

/**
 * Everything the turn produced, all or nothing: its tool rounds, the assistant message, its AiResponse,
 * the rows its tool calls planned (through their services) with one audit entry each, the reply's
 * audit entry and the thread's summary. The jobs those rows' hooks ask for (embeddings, reminders)
 * are held and sent only after the commit, so none points at a row that was rolled back.
 */
export const recordSuccess = async ({
  db,
  ai,
  turn,
  outcome,
  queues = null,
}: {
  db: Db;
  ai: TAiProvider;
  turn: TTurn;
  outcome: TTurnOutcome;
  queues?: TQueues | null;
}) => {
  const tokenCount = outcome.usage.promptTokens + outcome.usage.completionTokens;
  const deferred = deferQueues(queues);
  const rounds = outcome.toolRounds ?? [];
  const recorded = await db.$transaction(async (tx) => {
    // Explicit, increasing timestamps (rows of one transaction would otherwise share now() and lose
    // their order): each round at the time the model made it, the reply after the last.
    let last = 0;
    const at = (wanted: number) => {
      last = Math.max(wanted, last + 1);
      return new Date(last);
    };
    for (const round of rounds) await recordToolRound(tx, turn.conversationId, round, at);
    const message = await tx.message.create({
      data: {
        conversationId: turn.conversationId,
        role: "ASSISTANT",
        createdAt: at(Date.now()),
        content: outcome.content,
        ...(turn.source ? { source: turn.source } : {}),
        metadata: {
          sources: outcome.sources,
          actions: outcome.actions,
          model: outcome.model,
          ...(outcome.stopped ? { stopped: true } : {}),
        },
      },
    });
    const aiResponse = await tx.aiResponse.create({
      data: {
        messageId: message.id,
        userId: turn.userId,
        modelUsed: outcome.model,
        tokenCount,
        promptTokens: outcome.usage.promptTokens,
        completionTokens: outcome.usage.completionTokens,
        cost: outcome.cost,
        latency: outcome.latencyMs,
        temperature: TEMPERATURE,
        maxTokens: MAX_TOKENS,
        requestData: {
          model: outcome.requestedModel,
          provider: ai.kind,
          messages: turn.messageCount,
          sources: outcome.sources.length,
          rounds: outcome.rounds,
        },
        responseData: { finishReason: outcome.finishReason, actions: outcome.actions.length },
        status: "SUCCESS",
      },
    });
    const audited = {
      userId: turn.userId,
      sessionId: turn.sessionId ?? null,
      conversationId: turn.conversationId,
      actionCategory: "agent",
      startedAt: turn.startedAt,
    };
    // One entry per row a tool created, with the row as written (its hooks included: a commitment
    // with a reminder reads SCHEDULED), tied to the reply and its AiResponse.
    for (const planned of outcome.writes ?? []) {
      const row = await planned.write({ db: tx, queues: deferred.queues });
      await tx.auditLog.create({
        data: {
          ...audited,
          actionType: "create",
          entityType: planned.entityType,
          entityId: row.id,
          entitySnapshot: snapshotOf(row),
          intent: `The user asked for ${planned.tool}`,
          inputSummary: excerpt(JSON.stringify(planned.input)),
          metadata: {
            aiResponseId: aiResponse.id,
            messageId: message.id,
            userMessageId: turn.userMessage.id,
            tool: planned.tool,
            toolCallId: planned.toolCallId,
          },
          completedAt: new Date(),
          durationMs: Date.now() - turn.startedAt.getTime(),
        },
      });
    }
    const topScore = Math.max(0, ...outcome.sources.map((source) => source.score));
    await tx.auditLog.create({
      data: {
        ...replyAudit(turn),
        entityType: "message",
        entityId: message.id,
        outputSummary: excerpt(outcome.content),
        confidence: outcome.sources.length ? clamp01(topScore) : 0.5,
        metadata: { aiResponseId: aiResponse.id, userMessageId: turn.userMessage.id, actions: outcome.actions },
        startedAt: turn.startedAt,
        // Not before the reply's own timestamp: the explanation finds the turn's tool rounds between the two.
        completedAt: new Date(Math.max(Date.now(), last)),
        durationMs: Date.now() - turn.startedAt.getTime(),
        assumptions: { create: assumptionsOf(outcome) },
      },
    });
    await setReplyState(tx, turn.userMessage.id, {
      status: "answered",
      at: Date.now(),
      messageId: message.id,
      ...(outcome.stopped ? { stopped: true as const } : {}),
    });
    // The exchange makes this the most recently active thread, with an up-to-date preview.
    await tx.conversation.update({
      where: { id: turn.conversationId },
      data: { updatedAt: new Date(), summary: summarize(turn.userMessage.content, turn.messageCount + 1) },
    });
    return { message, aiResponse };
  });
  await deferred.flush();
  // Counted once the AiResponse row is committed, so the metric and the recorded usage agree.
  countAiUsage({ feature: "chat", model: outcome.model, ...outcome.usage, cost: outcome.cost });
  return recorded;
};

/**
 * A failed reply keeps the user's message, marked `failed` for Retry. The failure is accounted on
 * that message (AiResponse is one per message): a retry that fails again adds its usage to the same
 * row. Its tokens are recorded for cost, but the daily budget counts successful replies only.
 */
export const recordFailure = async ({
  db,
  ai,
  model,
  turn,
  error,
  usage,
  latencyMs,
}: {
  db: Db;
  ai: TAiProvider;
  /** The model the reply asked for. */
  model: string;
  turn: TTurn;
  error: { code: string; message: string };
  usage: TChatUsage;
  latencyMs: number;
}) => {
  const tokenCount = usage.promptTokens + usage.completionTokens;
  const cost = ai.costOf(model, usage);
  const fields = {
    modelUsed: model,
    latency: latencyMs,
    temperature: TEMPERATURE,
    maxTokens: MAX_TOKENS,
    requestData: { model, provider: ai.kind, messages: turn.messageCount },
    responseData: { error },
    status: "ERROR" as const,
  };
  await db.aiResponse.upsert({
    where: { messageId: turn.userMessage.id },
    create: {
      ...fields,
      messageId: turn.userMessage.id,
      userId: turn.userId,
      tokenCount,
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      cost,
    },
    update: {
      ...fields,
      tokenCount: { increment: tokenCount },
      promptTokens: { increment: usage.promptTokens },
      completionTokens: { increment: usage.completionTokens },
      cost: { increment: cost },
    },
  });
  countAiUsage({ feature: "chat", model, ...usage, cost });
  await setReplyState(db, turn.userMessage.id, { status: "failed", at: Date.now(), ...error });
  await db.auditLog.create({
    data: {
      ...replyAudit(turn),
      status: "failed",
      errorMessage: `${error.code}: ${error.message}`,
      startedAt: turn.startedAt,
      completedAt: new Date(),
      durationMs: Date.now() - turn.startedAt.getTime(),
    },
  });
};

/** A tool round: the assistant's calls, then one TOOL message per call with its result. */
const recordToolRound = async (
  tx: DbTransaction,
  conversationId: string,
  { at: time, content, toolCalls, results }: TToolRound,
  at: (wanted: number) => Date,
) => {
  await tx.message.create({
    data: {
      conversationId,
      role: "ASSISTANT",
      content,
      createdAt: at(time),
      toolCalls: toolCalls.map(({ id, name, arguments: args }) => ({ id, name, arguments: args ?? {} })) as object[],
    },
  });
  // The action rides along: the explanation and a retry read what each call did from it.
  for (const { toolCallId, result, action } of results)
    await tx.message.create({
      data: {
        conversationId,
        role: "TOOL",
        content: JSON.stringify(result),
        toolCallId,
        metadata: { action },
        createdAt: at(time),
      },
    });
};

/**
 * Both sides of the exchange become memory at once (the next turn may need them), in the provider's
 * embedding space, through the same pipeline as the worker's jobs: chunked, deduplicated, one model call.
 */
export const rememberExchange = async ({
  db,
  ai,
  messages,
}: {
  db: Db;
  ai: TAiProvider;
  userId: string;
  messages: { id: string; content: string }[];
}) => {
  const embed = async (texts: string[]) => (await ai.embed(texts)).vectors;
  await embedOwners(
    db,
    { model: ai.embeddingModel, embed },
    messages.map((message) => ({ ownerKind: "MESSAGE" as const, ownerId: message.id })),
  );
};
