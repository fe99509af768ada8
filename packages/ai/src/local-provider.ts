/**
 * The offline provider used when no API key or base URL is configured. It is NOT a model:
 * embeddings come from a hashing trick (texts sharing words land near each other), and replies
 * are honest, labelled sentences put together from the request's grounding (the user's goals,
 * commitments, profile and the sources it cites) — never from the system text. It recognises the
 * plain requests the coach's tools serve ("set a goal to…", "remind me tomorrow at 9 to…") and
 * calls those tools exactly as a model would. The same input always gives the same output.
 */
import { hashingEmbedding } from "@cto/kernel/hashing-embedding";

import type { TPriceTable } from "./config.ts";
import { AiProviderError } from "./errors.ts";
import { safeTimezone } from "./local/dates.ts";
import { insightsReply } from "./local/insights.ts";
import { recogniseIntents } from "./local/intents.ts";
import { askReply, coachReply, summaryReply, toolReply } from "./local/replies.ts";
import { LOCAL_SENTIMENT_MODEL, localSentiment } from "./local/sentiment.ts";
import { fnv1a } from "./local/text.ts";
import { titleReply } from "./local/titles.ts";
import {
  costFromPrices,
  EMBEDDING_DIMENSIONS,
  type TAiProvider,
  type TChatRequest,
  type TChatResult,
  type TChatStreamEvent,
  type TToolCall,
} from "./provider.ts";

export const LOCAL_EMBEDDING_MODEL = "cto-local-embedding-v1";
export const LOCAL_CHAT_MODEL = "cto-local-coach-v1";

/** A common rough estimate for English text: about four characters per token. */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

export const localEmbedding = (text: string): number[] => hashingEmbedding(text, EMBEDDING_DIMENSIONS);

/**
 * The reply to `request`: tool calls for the requests in the latest user message (when the request
 * offers those tools), or, once their results follow it, what they did; otherwise an answer from
 * the grounding. `now` is used when the grounding does not say what time it is.
 */
export const localReply = (request: TChatRequest, now = Date.now()): { content: string; toolCalls: TToolCall[] } => {
  const { messages, grounding } = request;
  const clock = { now: grounding?.now ?? now, timezone: safeTimezone(grounding?.timezone) };
  if (grounding?.purpose === "summary") return { content: summaryReply(grounding), toolCalls: [] };
  if (grounding?.purpose === "title") return { content: titleReply(messages), toolCalls: [] };
  if (grounding?.purpose === "insights") return { content: insightsReply(grounding.items ?? []), toolCalls: [] };
  const lastUser = messages.findLastIndex((message) => message.role === "user");
  const userText = lastUser === -1 ? "" : messages[lastUser]!.content;
  const since = messages.slice(lastUser + 1);
  const offered = new Set((request.tools ?? []).map((tool) => tool.name));
  const intents = recogniseIntents(
    userText,
    clock,
    new Set(["create_goal", "create_commitment", "log_emotion", "log_energy", "create_task", "create_deadline"]),
  );
  const questions = intents.flatMap((intent) => (intent.kind === "ask" ? [intent.question] : []));
  if (since.some((message) => message.role === "tool"))
    return { content: toolReply(since, clock, questions), toolCalls: [] };
  const calls = intents.flatMap((intent, i) =>
    intent.kind === "call" && offered.has(intent.tool)
      ? [
          {
            id: `call_local_${fnv1a(`${messages.length}\u0000${i}\u0000${userText}`).toString(36)}_${i}`,
            name: intent.tool,
            arguments: intent.arguments,
          },
        ]
      : [],
  );
  if (calls.length) return { content: "", toolCalls: calls };
  if (questions.length) return { content: askReply(questions), toolCalls: [] };
  return { content: coachReply(userText, grounding, clock), toolCalls: [] };
};

const throwIfAborted = (signal: AbortSignal | undefined) => {
  if (signal?.aborted) throw new AiProviderError("timeout", "The AI request was aborted");
};

/** `now`: the clock for requests whose grounding gives no time (tests pin it). */
export const createLocalProvider = (options: { prices?: TPriceTable; now?: () => number } = {}): TAiProvider => {
  const costOf = costFromPrices(options.prices ?? {});
  const now = options.now ?? Date.now;
  const embed = async (texts: string[]) => ({
    vectors: texts.map(localEmbedding),
    model: LOCAL_EMBEDDING_MODEL,
    usage: { promptTokens: texts.reduce((sum, text) => sum + estimateTokens(text), 0) },
  });

  const chat = async (request: TChatRequest): Promise<TChatResult> => {
    const startedAt = performance.now();
    throwIfAborted(request.signal);
    const { content, toolCalls } = localReply(request, now());
    const promptTokens = request.messages.reduce((sum, message) => sum + estimateTokens(message.content), 0);
    const completionTokens =
      estimateTokens(content) + (toolCalls.length ? estimateTokens(JSON.stringify(toolCalls)) : 0);
    // The reply is short; a maxTokens budget below it still gets the whole reply, which is honest about its length.
    return {
      content,
      toolCalls,
      model: LOCAL_CHAT_MODEL,
      usage: { promptTokens, completionTokens },
      finishReason: toolCalls.length ? "tool_calls" : "stop",
      latencyMs: Math.round(performance.now() - startedAt),
    };
  };

  async function* chatStream(request: TChatRequest): AsyncGenerator<TChatStreamEvent> {
    const result = await chat(request);
    // Word chunks keep their trailing whitespace, so the deltas concatenate to exactly the reply.
    for (const text of result.content.match(/\S+\s*/g) ?? []) {
      throwIfAborted(request.signal);
      yield { type: "delta", text };
    }
    for (const toolCall of result.toolCalls) yield { type: "tool_call", toolCall };
    yield { type: "done", result };
  }

  return {
    kind: "local",
    chatModel: LOCAL_CHAT_MODEL,
    embeddingModel: LOCAL_EMBEDDING_MODEL,
    embed,
    embedQuery: async (text) => ({ vector: localEmbedding(text), model: LOCAL_EMBEDDING_MODEL }),
    chat,
    chatStream,
    sentiment: async (texts, options) => {
      throwIfAborted(options?.signal);
      return {
        sentiments: texts.map(localSentiment),
        model: LOCAL_SENTIMENT_MODEL,
        usage: { promptTokens: texts.reduce((sum, text) => sum + estimateTokens(text), 0), completionTokens: 0 },
      };
    },
    costOf,
  };
};
