import type { TPriceTable } from "./config.ts";

/** Every embedding has this many dimensions, matching the `vector(1536)` columns in the schema. */
export const EMBEDDING_DIMENSIONS = 1536;

export type TChatRole = "system" | "user" | "assistant" | "tool";

export type TToolCall = {
  id: string;
  name: string;
  /** The model's arguments, already parsed from JSON. */
  arguments: unknown;
};

export type TChatMessage = {
  role: TChatRole;
  content: string;
  /** Assistant messages that requested tools. */
  toolCalls?: TToolCall[];
  /** Tool messages answering a tool call. */
  toolCallId?: string;
};

export type TToolDefinition = {
  name: string;
  description: string;
  /** A JSON Schema object describing the arguments. */
  parameters: Record<string, unknown>;
};

/**
 * The facts behind a prompt, as data, for a provider that cannot read prose: the offline local
 * provider answers from these and never from the system text. The OpenAI provider ignores them
 * (the same facts are written into the system message).
 */
export type TChatGrounding = {
  /**
   * `coach`: a chat turn; `summary`: a report summary or a story written from `facts`; `title`: a
   * short title for a conversation from its first exchange (the messages); `insights`: durable
   * insights about the user from `items`, answered as JSON (`{ "insights": [...] }`).
   */
  purpose: "coach" | "summary" | "title" | "insights";
  /** Unix ms: the instant "tomorrow at 9" is read against. */
  now?: number;
  /** IANA timezone of the user, e.g. `Europe/Berlin` (UTC when missing or unknown). */
  timezone?: string;
  /** What the user told the coach about themselves. */
  profile?: { label: string; value: string }[];
  goals?: { title: string; progress: number; period: string; deadline?: number | null }[];
  commitments?: { title: string; dueAt?: number | null; remindAt?: number | null }[];
  /** In the order the prompt numbers them, so `[n]` cites the n-th. */
  sources?: { kind: "memory" | "knowledge"; ownerKind?: string; content: string }[];
  /** For `summary`: the period's facts, one sentence each. */
  facts?: string[];
  /** For `insights`: what the user wrote and logged, numbered as the answer's `evidence` cites them. */
  items?: TInsightItem[];
};

/**
 * One message, check-in or piece of analytics an insight may rest on: `label` and `level` for
 * check-ins, `score` (percent of commitments kept) and `windowDays` for a consistency score.
 */
export type TInsightItem = {
  n: number;
  kind: "message" | "emotion" | "energy" | "consistency" | "report";
  text: string;
  label?: string;
  level?: number;
  score?: number;
  windowDays?: number;
};

export type TChatRequest = {
  /** The model to ask (one the provider serves); the provider's `chatModel` when absent. */
  model?: string;
  messages: TChatMessage[];
  tools?: TToolDefinition[];
  temperature?: number;
  maxTokens?: number;
  /** `json`: the answer must be one JSON object (OpenAI's JSON mode); the prompt must say which shape. */
  responseFormat?: "text" | "json";
  signal?: AbortSignal;
  grounding?: TChatGrounding;
};

export type TChatUsage = { promptTokens: number; completionTokens: number };

export type TChatResult = {
  content: string;
  toolCalls: TToolCall[];
  model: string;
  usage: TChatUsage;
  finishReason: string;
  latencyMs: number;
};

export type TChatStreamEvent =
  | { type: "delta"; text: string }
  | { type: "tool_call"; toolCall: TToolCall }
  | { type: "done"; result: TChatResult };

export type TEmbedResult = {
  vectors: number[][];
  model: string;
  usage: { promptTokens: number };
};

/** The sentiment of an analysed chat message (001's `MessageSentiment`). */
export const SENTIMENTS = ["POSITIVE", "NEGATIVE", "NEUTRAL"] as const;
export type TSentiment = (typeof SENTIMENTS)[number];

export type TSentimentResult = {
  /** One per text, in the order given. */
  sentiments: TSentiment[];
  model: string;
  usage: TChatUsage;
};

export type TAiProvider = {
  kind: "openai" | "local";
  chatModel: string;
  embeddingModel: string;
  embed: (texts: string[]) => Promise<TEmbedResult>;
  /**
   * One query for an interactive lookup (search, the chat's memory): the whole call, retries
   * included, is bounded by `AI_QUERY_TIMEOUT_MS`, so a caller can answer within seconds when the
   * provider is down. `embed` is for batches and waits `AI_TIMEOUT_MS` per attempt.
   */
  embedQuery: (text: string) => Promise<{ vector: number[]; model: string }>;
  chat: (request: TChatRequest) => Promise<TChatResult>;
  chatStream: (request: TChatRequest) => AsyncIterable<TChatStreamEvent>;
  /**
   * The sentiment of each text, in one call for the whole batch. A malformed answer fails as an
   * `AiProviderError`, never as a shorter or mislabelled list.
   */
  sentiment: (texts: string[], options?: { signal?: AbortSignal }) => Promise<TSentimentResult>;
  costOf: (model: string, usage: { promptTokens: number; completionTokens?: number }) => number;
};
/** Alias matching the wording. */
export type AiProvider = TAiProvider;

/** USD for the given usage; models missing from the table (such as the local ones) cost 0. */
export const costFromPrices =
  (prices: TPriceTable) =>
  (model: string, usage: { promptTokens: number; completionTokens?: number }): number => {
    // Responses name dated snapshots ("gpt-4o-mini-2024-07-18"); price them as their family.
    const key =
      model in prices
        ? model
        : Object.keys(prices)
            .filter((name) => model.startsWith(`${name}-`))
            .sort((a, b) => b.length - a.length)[0];
    const price = key === undefined ? undefined : prices[key];
    if (!price) return 0;
    return (usage.promptTokens * price.input + (usage.completionTokens ?? 0) * price.output) / 1_000_000;
  };
