import { AiProviderError } from "@cto/ai/errors";
import type { TAiProvider, TChatMessage, TChatResult, TChatUsage, TToolCall } from "@cto/ai/provider";
import type { TChatAction, TChatDoneEvent, TChatErrorEvent } from "@cto/contracts/api/chat";
import { toApiRow } from "@cto/contracts/rows";
import { Message } from "@cto/contracts/tables";
import { Prisma, type Db } from "@cto/db/client";
import type { TQueues } from "@cto/queue/queues";

import type { TSharedCache } from "../../lib/shared-cache.ts";
import { log } from "../../log.ts";
import { describeProviderFailure } from "../ai-failure.ts";
import { withCataloguePrices } from "../ai-models.ts";
import { modelForReply } from "./models.ts";
import { syncOwnerEmbeddings } from "../embeddings.ts";
import { buildPrompt, loadCoachContext, loadHistory, retrieveSources } from "./prompt.ts";
import {
  MAX_TOKENS,
  recordFailure,
  recordSuccess,
  rememberExchange,
  TEMPERATURE,
  type TToolRound,
  type TTurn,
} from "./record.ts";
import type { TPlannedWrite } from "./planned.ts";
import { titleConversation } from "./title.ts";
import { CHAT_TOOLS, planToolCall } from "./tools.ts";

/** Tool rounds per reply; the completion after the last round gets no tools, so it must answer in text. */
const MAX_TOOL_ROUNDS = 2;

export type TChatTurnEvent =
  | { event: "delta"; data: { text: string } }
  | { event: "done"; data: TChatDoneEvent }
  | { event: "error"; data: TChatErrorEvent };

type TStage = "memory" | "reply" | "tools" | "saving";
const DURING: Record<TStage, string> = {
  memory: "while searching your memory",
  reply: "while writing the reply",
  tools: "while doing what you asked",
  saving: "while saving the reply",
};

const capitalise = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** What failed, in words for the user; the provider's own text (which may name keys or models) goes to the log only. */
const describeFailure = (error: unknown, stage: TStage, messageId: string): TChatErrorEvent => {
  if (error instanceof AiProviderError) {
    log.warn(
      { code: error.code, status: error.status, error: error.message },
      `chat: the AI provider failed ${DURING[stage]}`,
    );
    return {
      code: error.code === "rate_limited" ? "rate_limited" : "service_unavailable",
      message: `${capitalise(describeProviderFailure(error))} ${DURING[stage]}. Your message is saved.`,
      messageId,
      retryable: error.code !== "bad_request",
    };
  }
  log.error({ err: error }, `chat: reply failed ${DURING[stage]}`);
  return {
    code: "internal_error",
    message: `Something went wrong on our side ${DURING[stage]}. Your message is saved.`,
    messageId,
    retryable: true,
  };
};

/**
 * The tool rounds an earlier attempt at this reply stored before it failed: a retry carries on
 * from their results (the goal it created stays one goal) instead of running them again. Only
 * replies recorded before tool writes joined the reply's transaction left such rounds: a failed
 * turn now keeps none of them, so its retry asks the model afresh.
 */
const loadEarlierRounds = async (db: Db, turn: TTurn) => {
  const asked = await db.message.findUniqueOrThrow({ where: { id: turn.userMessage.id }, select: { createdAt: true } });
  const rows = await db.message.findMany({
    where: {
      conversationId: turn.conversationId,
      createdAt: { gt: asked.createdAt },
      OR: [{ role: "TOOL" }, { role: "ASSISTANT", NOT: { toolCalls: { equals: Prisma.DbNull } } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { role: true, content: true, toolCalls: true, toolCallId: true, metadata: true },
  });
  const calls = new Map<string, string>();
  const messages: TChatMessage[] = [];
  const actions: TChatAction[] = [];
  for (const row of rows) {
    if (row.role === "ASSISTANT") {
      const toolCalls = row.toolCalls as TToolCall[];
      for (const call of toolCalls) calls.set(call.id, call.name);
      messages.push({ role: "assistant", content: row.content, toolCalls });
      continue;
    }
    const stored = (row.metadata as { action?: TChatAction } | null)?.action;
    actions.push(
      stored ?? {
        tool: calls.get(row.toolCallId ?? "") ?? "unknown",
        toolCallId: row.toolCallId ?? "",
        ok: row.content.includes('"ok":true'),
      },
    );
    messages.push({ role: "tool", content: row.content, toolCallId: row.toolCallId ?? "" });
  }
  return { messages, actions, rounds: messages.filter((message) => message.role === "assistant").length };
};

/**
 * One exchange after the user's message is stored: retrieve memory, stream the reply (running
 * any tool calls in between), then store everything the reply produced. A failure ends with an
 * `error` event saying what failed, an ERROR AiResponse and the message marked `failed` (for
 * Retry), never with a half-stored reply. `turn.retry`: the message was answered before and failed.
 */
export async function* runChatTurn({
  db,
  ai: provider,
  turn,
  queues = null,
  sharedCache,
  signal,
}: {
  db: Db;
  ai: TAiProvider;
  turn: TTurn;
  queues?: TQueues | null;
  sharedCache?: TSharedCache;
  /** Aborts the reply (the user pressed Stop or went away): what streamed so far is stored as the reply, marked stopped. */
  signal?: AbortSignal;
}): AsyncGenerator<TChatTurnEvent> {
  const usage: TChatUsage = { promptTokens: 0, completionTokens: 0 };
  let cost = 0;
  let stage: TStage = "memory";
  let ai = provider;
  let model = provider.chatModel;
  const started = performance.now();
  try {
    const [{ history, elsewhere }, context, earlier, priced, chosen] = await Promise.all([
      loadHistory(db, turn.conversationId),
      loadCoachContext(db, turn.userId, sharedCache),
      turn.retry ? loadEarlierRounds(db, turn) : { messages: [], actions: [], rounds: 0 },
      // The model catalogue's prices as last written through any instance (services/ai-models.ts).
      withCataloguePrices({ db, sharedCache, ai: provider }),
      modelForReply({ db, ai: provider, sharedCache, userId: turn.userId, conversationId: turn.conversationId }),
    ]);
    ai = priced;
    model = chosen;
    const sources = await retrieveSources({
      db,
      ai,
      userId: turn.userId,
      question: turn.userMessage.content,
      excludeOwnerIds: new Set([...history.map((row) => row.id), ...elsewhere]),
    });
    const { messages, grounding } = buildPrompt({ context, sources, history });
    messages.push(...earlier.messages);
    const actions: TChatAction[] = [...earlier.actions];
    // Planned, not written: the rounds and rows are stored by recordSuccess in one transaction, or not at all.
    const toolRounds: TToolRound[] = [];
    const writes: TPlannedWrite[] = [];
    let result: TChatResult | undefined;
    let rounds = 0;
    let stopped = false;
    for (let round = Math.min(earlier.rounds, MAX_TOOL_ROUNDS); round <= MAX_TOOL_ROUNDS; round += 1) {
      stage = "reply";
      result = undefined;
      rounds = round + 1;
      let streamed = "";
      try {
        for await (const event of ai.chatStream({
          model,
          messages,
          grounding,
          tools: round < MAX_TOOL_ROUNDS ? CHAT_TOOLS : undefined,
          temperature: TEMPERATURE,
          maxTokens: MAX_TOKENS,
          signal,
        })) {
          if (event.type === "delta") {
            streamed += event.text;
            yield { event: "delta", data: { text: event.text } };
          }
          if (event.type === "done") result = event.result;
        }
      } catch (error) {
        if (!signal?.aborted) throw error;
      }
      if (signal?.aborted) {
        // Stopped: the reply is what streamed. The provider sent no usage for the cut round; its output is estimated.
        stopped = true;
        result = {
          content: streamed,
          toolCalls: [],
          model,
          usage: { promptTokens: 0, completionTokens: Math.ceil(streamed.length / 4) },
          finishReason: "stopped",
          latencyMs: Math.round(performance.now() - started),
        };
      }
      if (!result) throw new AiProviderError("unavailable", "The AI stream ended without a result");
      usage.promptTokens += result.usage.promptTokens;
      usage.completionTokens += result.usage.completionTokens;
      cost += ai.costOf(result.model, result.usage);
      if (result.toolCalls.length === 0 || round === MAX_TOOL_ROUNDS) break;
      stage = "tools";
      const ran = result.toolCalls.map((call) => ({
        call,
        ...planToolCall({ userId: turn.userId, conversationId: turn.conversationId }, call),
      }));
      toolRounds.push({
        at: Date.now(),
        content: result.content,
        toolCalls: result.toolCalls,
        results: ran.map(({ call, result: output, action }) => ({ toolCallId: call.id, result: output, action })),
      });
      writes.push(...ran.flatMap(({ write }) => (write ? [write] : [])));
      actions.push(...ran.map(({ action }) => action));
      messages.push(
        { role: "assistant", content: result.content, toolCalls: result.toolCalls },
        ...ran.map(({ call, result: output }) => ({
          role: "tool" as const,
          content: JSON.stringify(output),
          toolCallId: call.id,
        })),
      );
    }
    stage = "saving";
    const final = result!;
    const outcome = {
      content: final.content,
      model: final.model,
      requestedModel: model,
      usage,
      cost,
      latencyMs: Math.round(performance.now() - started),
      finishReason: final.finishReason,
      rounds,
      sources,
      actions,
      usedUserContextId: context.userContext?.id,
      // A stopped reply keeps the rows of the rounds that completed before the stop: the model was
      // told they were made and the reply lists them. The round the stop cut had no calls yet.
      stopped,
      toolRounds,
      writes,
    };
    const { message } = await recordSuccess({ db, ai, turn, outcome, queues });
    await titleConversation({
      db,
      ai,
      model,
      conversationId: turn.conversationId,
      userMessage: turn.userMessage.content,
      reply: final.content,
    });
    await rememberExchange({ db, ai, userId: turn.userId, messages: [turn.userMessage, message] }).catch(
      (error: unknown) => log.warn({ err: error }, "chat: could not embed the exchange"),
    );
    // recordSuccess rewrote the thread's summary: its embedding follows through a job, or the sweep (which finds rows changed since their embedding).
    await syncOwnerEmbeddings({
      db,
      queues,
      userId: turn.userId,
      ownerKind: "CONVERSATION",
      ownerIds: [turn.conversationId],
      event: "update",
    }).catch((error: unknown) => log.warn({ err: error }, "chat: could not sync the conversation's embedding"));
    yield {
      event: "done",
      data: {
        message: toApiRow(Message, message, ["userId"]) as TChatDoneEvent["message"],
        sources,
        actions,
        model: final.model,
        usage: { ...usage, totalTokens: usage.promptTokens + usage.completionTokens, cost },
      },
    };
  } catch (error) {
    const data = describeFailure(error, stage, turn.userMessage.id);
    await recordFailure({
      db,
      ai,
      model,
      turn,
      error: { code: data.code, message: data.message },
      usage,
      latencyMs: Math.round(performance.now() - started),
    }).catch((failure: unknown) => log.error({ err: failure }, "chat: could not record a failed reply"));
    yield { event: "error", data };
  }
}
