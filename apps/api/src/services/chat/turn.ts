import { AiProviderError } from "@cto/ai/errors";
import type { TAiProvider, TChatMessage, TChatResult, TChatUsage } from "@cto/ai/provider";
import type { TChatAction, TChatDoneEvent } from "@cto/contracts/api/chat";
import { toApiRow } from "@cto/contracts/rows";
import { Message } from "@cto/contracts/tables";
import type { Db } from "@cto/db/client";
import type { TQueues } from "@cto/queue/queues";

import { syncOwnerEmbeddings } from "../embeddings.ts";
import { buildPrompt, loadHistory, retrieveSources } from "./prompt.ts";
import { MAX_TOKENS, recordFailure, recordSuccess, recordToolRound, rememberExchange, TEMPERATURE, type TTurn } from "./record.ts";
import { CHAT_TOOLS, runToolCall } from "./tools.ts";

/** Tool rounds per reply; the completion after the last round gets no tools, so it must answer in text. */
const MAX_TOOL_ROUNDS = 2;

export type TChatTurnEvent = { event: "delta"; data: { text: string } } | { event: "done"; data: TChatDoneEvent } | { event: "error"; data: { code: string; message: string } };

const toErrorEvent = (error: unknown) => {
  if (error instanceof AiProviderError) return { code: error.code === "rate_limited" ? "rate_limited" : "service_unavailable", message: error.message };
  console.error("chat: reply failed", error);
  return { code: "internal_error", message: "Something went wrong on our side." };
};

/**
 * One exchange after the user's message is stored: retrieve memory, stream the reply (running
 * any tool calls in between), then store everything the reply produced. A failure ends with an
 * `error` event and an ERROR AiResponse, never with a half-stored reply.
 */
export async function* runChatTurn({ db, ai, turn, queues = null }: { db: Db; ai: TAiProvider; turn: TTurn; queues?: TQueues | null }): AsyncGenerator<TChatTurnEvent> {
  const usage: TChatUsage = { promptTokens: 0, completionTokens: 0 };
  let cost = 0;
  const started = performance.now();
  try {
    const [history, userContext] = await Promise.all([loadHistory(db, turn.conversationId), db.userContext.findUnique({ where: { userId: turn.userId } })]);
    const sources = await retrieveSources({ db, ai, userId: turn.userId, question: turn.userMessage.content, excludeOwnerIds: new Set(history.map((row) => row.id)) });
    const messages: TChatMessage[] = buildPrompt({ userContext, sources, history });
    const actions: TChatAction[] = [];
    let result: TChatResult | undefined;
    let rounds = 0;
    for (let round = 0; round <= MAX_TOOL_ROUNDS; round += 1) {
      result = undefined;
      rounds = round + 1;
      for await (const event of ai.chatStream({ messages, tools: round < MAX_TOOL_ROUNDS ? CHAT_TOOLS : undefined, temperature: TEMPERATURE, maxTokens: MAX_TOKENS })) {
        if (event.type === "delta") yield { event: "delta", data: { text: event.text } };
        if (event.type === "done") result = event.result;
      }
      if (!result) throw new AiProviderError("unavailable", "The AI stream ended without a result");
      usage.promptTokens += result.usage.promptTokens;
      usage.completionTokens += result.usage.completionTokens;
      cost += ai.costOf(result.model, result.usage);
      if (result.toolCalls.length === 0 || round === MAX_TOOL_ROUNDS) break;
      const ran = [];
      for (const call of result.toolCalls) ran.push({ call, ...(await runToolCall({ db, userId: turn.userId, conversationId: turn.conversationId, queues }, call)) });
      await recordToolRound({ db, conversationId: turn.conversationId, content: result.content, toolCalls: result.toolCalls, results: ran.map(({ call, result: output }) => ({ toolCallId: call.id, result: output })) });
      actions.push(...ran.map(({ action }) => action));
      messages.push({ role: "assistant", content: result.content, toolCalls: result.toolCalls }, ...ran.map(({ call, result: output }) => ({ role: "tool" as const, content: JSON.stringify(output), toolCallId: call.id })));
    }
    const final = result!;
    const outcome = { content: final.content, model: final.model, usage, cost, latencyMs: Math.round(performance.now() - started), finishReason: final.finishReason, rounds, sources, actions, usedUserContextId: userContext?.id };
    const { message } = await recordSuccess({ db, ai, turn, outcome });
    await rememberExchange({ db, ai, userId: turn.userId, messages: [turn.userMessage, message] }).catch((error: unknown) => console.warn("chat: could not embed the exchange", error));
    // recordSuccess rewrote the thread's summary: its embedding follows through a job, or the sweep (which finds rows changed since their embedding).
    await syncOwnerEmbeddings({ db, queues, userId: turn.userId, ownerKind: "CONVERSATION", ownerIds: [turn.conversationId], event: "update" }).catch((error: unknown) => console.warn("chat: could not sync the conversation's embedding", error));
    yield {
      event: "done",
      data: { message: toApiRow(Message, message, ["userId"]) as TChatDoneEvent["message"], sources, actions, model: final.model, usage: { ...usage, totalTokens: usage.promptTokens + usage.completionTokens, cost } },
    };
  } catch (error) {
    const data = toErrorEvent(error);
    await recordFailure({ db, ai, turn, error: data, usage, latencyMs: Math.round(performance.now() - started) }).catch((failure: unknown) => console.error("chat: could not record a failed reply", failure));
    yield { event: "error", data };
  }
}
