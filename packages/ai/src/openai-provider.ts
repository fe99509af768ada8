import OpenAI from "openai";
import { z } from "zod";

import type { TAiConfig } from "./config.ts";
import { AiProviderError } from "./errors.ts";
import {
  costFromPrices,
  EMBEDDING_DIMENSIONS,
  type TAiProvider,
  type TChatMessage,
  type TChatRequest,
  type TChatResult,
  type TChatStreamEvent,
  SENTIMENTS,
  type TSentimentResult,
  type TToolCall,
} from "./provider.ts";

type TParams = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;

const formatSeconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** Maps SDK failures (after the SDK's own retries) onto the four codes callers handle. */
export const toAiProviderError = (error: unknown): AiProviderError => {
  if (error instanceof AiProviderError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return new AiProviderError("timeout", "The AI provider did not answer in time", { cause: error });
  if (error instanceof OpenAI.APIUserAbortError)
    return new AiProviderError("timeout", "The AI request was aborted", { cause: error });
  if (error instanceof OpenAI.RateLimitError)
    return new AiProviderError("rate_limited", "The AI provider is rate limiting requests", {
      status: 429,
      cause: error,
    });
  if (error instanceof OpenAI.APIConnectionError)
    return new AiProviderError("unavailable", "The AI provider could not be reached", { cause: error });
  if (error instanceof OpenAI.APIError) {
    const status = error.status;
    const code =
      status !== undefined && status >= 400 && status < 500 && status !== 408 ? "bad_request" : "unavailable";
    return new AiProviderError(code, `The AI provider answered ${status ?? "an error"}: ${error.message}`, {
      status,
      cause: error,
    });
  }
  return new AiProviderError("unavailable", error instanceof Error ? error.message : "Unknown AI provider failure", {
    cause: error,
  });
};

const parseArguments = (raw: string): unknown => {
  if (raw.trim() === "") return {};
  try {
    return JSON.parse(raw);
  } catch (cause) {
    throw new AiProviderError("bad_request", "The model returned tool arguments that are not JSON", { cause });
  }
};

const toSdkMessage = (message: TChatMessage): OpenAI.Chat.Completions.ChatCompletionMessageParam => {
  if (message.role === "tool")
    return { role: "tool", content: message.content, tool_call_id: message.toolCallId ?? "" };
  if (message.role === "assistant" && message.toolCalls?.length) {
    return {
      role: "assistant",
      content: message.content || null,
      tool_calls: message.toolCalls.map((call) => ({
        id: call.id,
        type: "function",
        function: { name: call.name, arguments: JSON.stringify(call.arguments ?? {}) },
      })),
    };
  }
  return { role: message.role, content: message.content };
};

const toParams = (model: string, request: TChatRequest): TParams => ({
  model,
  messages: request.messages.map(toSdkMessage),
  ...(request.tools?.length
    ? {
        tools: request.tools.map((tool) => ({
          type: "function" as const,
          function: { name: tool.name, description: tool.description, parameters: tool.parameters },
        })),
      }
    : {}),
  ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
  ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
  ...(request.responseFormat === "json" ? { response_format: { type: "json_object" as const } } : {}),
});

const SENTIMENT_PROMPT = [
  "You label the sentiment of chat messages.",
  'The user sends a JSON array of messages. Answer only with a JSON object {"sentiments": [...]}',
  `holding one of ${SENTIMENTS.join(", ")} per message, in the same order and as many as were sent.`,
].join(" ");

const ZSentimentAnswerSchema = z.object({
  sentiments: z.array(
    z.preprocess((value) => (typeof value === "string" ? value.toUpperCase() : value), z.enum(SENTIMENTS)),
  ),
});

/** The model's sentiment answer, checked: JSON, the labels known, one per text. */
const parseSentiments = (content: string, count: number): TSentimentResult["sentiments"] => {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (cause) {
    throw new AiProviderError("unavailable", "The model's sentiment answer was not JSON", { cause });
  }
  const parsed = ZSentimentAnswerSchema.safeParse(json);
  if (!parsed.success)
    throw new AiProviderError("unavailable", "The model's sentiment answer did not have the expected shape", {
      cause: parsed.error,
    });
  if (parsed.data.sentiments.length !== count)
    throw new AiProviderError(
      "unavailable",
      `The model labelled ${parsed.data.sentiments.length} messages, ${count} were sent`,
    );
  return parsed.data.sentiments;
};

export const createOpenAiProvider = (config: TAiConfig, client?: OpenAI): TAiProvider => {
  const openai =
    client ??
    new OpenAI({
      // OpenAI-compatible local servers often need no key, but the SDK insists on one.
      apiKey: config.apiKey ?? "not-needed",
      baseURL: config.baseUrl,
      timeout: config.timeoutMs,
      maxRetries: config.maxRetries,
    });
  const costOf = costFromPrices(config.prices);

  const embedWith = async (texts: string[], options: { signal?: AbortSignal; timeout?: number } = {}) => {
    if (texts.length === 0) return { vectors: [], model: config.embeddingModel, usage: { promptTokens: 0 } };
    const response = await openai.embeddings
      .create(
        { model: config.embeddingModel, input: texts, dimensions: EMBEDDING_DIMENSIONS, encoding_format: "float" },
        options,
      )
      .catch((error: unknown) => {
        throw toAiProviderError(error);
      });
    const vectors = [...response.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
    if (vectors.length !== texts.length)
      throw new AiProviderError("unavailable", `Expected ${texts.length} embeddings, got ${vectors.length}`);
    const wrong = vectors.find((vector) => vector.length !== EMBEDDING_DIMENSIONS);
    if (wrong)
      throw new AiProviderError(
        "unavailable",
        `Expected ${EMBEDDING_DIMENSIONS}-dimension embeddings, got ${wrong.length}`,
      );
    return { vectors, model: response.model, usage: { promptTokens: response.usage?.prompt_tokens ?? 0 } };
  };

  const embed: TAiProvider["embed"] = (texts) => embedWith(texts);

  const embedQuery: TAiProvider["embedQuery"] = async (text) => {
    const deadline = AbortSignal.timeout(config.queryTimeoutMs);
    const late = () =>
      new AiProviderError("timeout", `The AI provider did not answer within ${formatSeconds(config.queryTimeoutMs)}`);
    // The SDK's back-off sleeps (up to a minute for a 429's Retry-After) do not watch the signal: race them.
    const expired = new Promise<never>((_, reject) =>
      deadline.addEventListener("abort", () => reject(late()), { once: true }),
    );
    try {
      const { vectors, model } = await Promise.race([
        embedWith([text], { signal: deadline, timeout: config.queryTimeoutMs }),
        expired,
      ]);
      return { vector: vectors[0]!, model };
    } catch (error) {
      throw deadline.aborted ? late() : error;
    }
  };

  const chat: TAiProvider["chat"] = async (request) => {
    const startedAt = performance.now();
    const response = await openai.chat.completions
      .create(toParams(request.model ?? config.chatModel, request), { signal: request.signal })
      .catch((error: unknown) => {
        throw toAiProviderError(error);
      });
    // A server that only looks OpenAI-compatible (a proxy's error page with a 200, a stand-in answering another
    // route) must fail as the provider, not as a TypeError deep in a caller.
    if (!Array.isArray(response?.choices))
      throw new AiProviderError("unavailable", "The AI provider's answer was not a chat completion (no choices)");
    const choice = response.choices[0];
    const toolCalls: TToolCall[] = (choice?.message.tool_calls ?? []).flatMap((call) =>
      call.type === "function"
        ? [{ id: call.id, name: call.function.name, arguments: parseArguments(call.function.arguments) }]
        : [],
    );
    return {
      content: choice?.message.content ?? "",
      toolCalls,
      model: response.model,
      usage: {
        promptTokens: response.usage?.prompt_tokens ?? 0,
        completionTokens: response.usage?.completion_tokens ?? 0,
      },
      finishReason: choice?.finish_reason ?? "stop",
      latencyMs: Math.round(performance.now() - startedAt),
    };
  };

  async function* chatStream(request: TChatRequest): AsyncGenerator<TChatStreamEvent> {
    const startedAt = performance.now();
    const stream = await openai.chat.completions
      .create(
        {
          ...toParams(request.model ?? config.chatModel, request),
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal: request.signal },
      )
      .catch((error: unknown) => {
        throw toAiProviderError(error);
      });
    let content = "";
    let model = request.model ?? config.chatModel;
    let finishReason = "stop";
    let usage = { promptTokens: 0, completionTokens: 0 };
    // Tool calls arrive in fragments keyed by index: the id and name first, the arguments in pieces.
    const pending = new Map<number, { id: string; name: string; arguments: string }>();
    try {
      for await (const chunk of stream) {
        if (chunk.model) model = chunk.model;
        if (chunk.usage)
          usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
        const choice = chunk.choices[0];
        if (!choice) continue;
        if (choice.finish_reason) finishReason = choice.finish_reason;
        const text = choice.delta?.content;
        if (text) {
          content += text;
          yield { type: "delta", text };
        }
        for (const fragment of choice.delta?.tool_calls ?? []) {
          const entry = pending.get(fragment.index) ?? { id: "", name: "", arguments: "" };
          if (fragment.id) entry.id = fragment.id;
          if (fragment.function?.name) entry.name += fragment.function.name;
          if (fragment.function?.arguments) entry.arguments += fragment.function.arguments;
          pending.set(fragment.index, entry);
        }
      }
    } catch (error) {
      throw toAiProviderError(error);
    }
    const toolCalls = [...pending.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, call]) => ({ id: call.id, name: call.name, arguments: parseArguments(call.arguments) }));
    for (const toolCall of toolCalls) yield { type: "tool_call", toolCall };
    const result: TChatResult = {
      content,
      toolCalls,
      model,
      usage,
      finishReason,
      latencyMs: Math.round(performance.now() - startedAt),
    };
    yield { type: "done", result };
  }

  const sentiment: TAiProvider["sentiment"] = async (texts, options = {}) => {
    const model = config.chatModel;
    if (texts.length === 0) return { sentiments: [], model, usage: { promptTokens: 0, completionTokens: 0 } };
    const response = await openai.chat.completions
      .create(
        {
          model,
          messages: [
            { role: "system", content: SENTIMENT_PROMPT },
            { role: "user", content: JSON.stringify(texts) },
          ],
          response_format: { type: "json_object" },
          temperature: 0,
        },
        { signal: options.signal },
      )
      .catch((error: unknown) => {
        throw toAiProviderError(error);
      });
    if (!Array.isArray(response?.choices))
      throw new AiProviderError("unavailable", "The AI provider's answer was not a chat completion (no choices)");
    return {
      sentiments: parseSentiments(response.choices[0]?.message.content ?? "", texts.length),
      model: response.model,
      usage: {
        promptTokens: response.usage?.prompt_tokens ?? 0,
        completionTokens: response.usage?.completion_tokens ?? 0,
      },
    };
  };

  return {
    kind: "openai",
    chatModel: config.chatModel,
    embeddingModel: config.embeddingModel,
    embed,
    embedQuery,
    chat,
    chatStream,
    sentiment,
    costOf,
  };
};
