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

export type TChatRequest = {
  messages: TChatMessage[];
  tools?: TToolDefinition[];
  temperature?: number;
  maxTokens?: number;
  signal?: AbortSignal;
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

export type TAiProvider = {
  kind: "openai" | "local";
  chatModel: string;
  embeddingModel: string;
  embed: (texts: string[]) => Promise<TEmbedResult>;
  chat: (request: TChatRequest) => Promise<TChatResult>;
  chatStream: (request: TChatRequest) => AsyncIterable<TChatStreamEvent>;
  costOf: (model: string, usage: { promptTokens: number; completionTokens?: number }) => number;
};
/** Alias matching the wording. */
export type AiProvider = TAiProvider;

/** USD for the given usage; models missing from the table (such as the local ones) cost 0. */
export const costFromPrices =
  (prices: TPriceTable) =>
  (model: string, usage: { promptTokens: number; completionTokens?: number }): number => {
    // Responses name dated snapshots ("gpt-4o-mini-2024-07-18"); price them as their family.
    const key = model in prices ? model : Object.keys(prices).filter((name) => model.startsWith(`${name}-`)).sort((a, b) => b.length - a.length)[0];
    const price = key === undefined ? undefined : prices[key];
    if (!price) return 0;
    return (usage.promptTokens * price.input + (usage.completionTokens ?? 0) * price.output) / 1_000_000;
  };
