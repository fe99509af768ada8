/**
 * The offline provider used when no API key or base URL is configured. It is NOT a model:
 * embeddings come from a hashing trick (texts sharing words land near each other) and replies
 * are a fixed, honest template that says it is the offline local coach. No network is used,
 * and the same input always gives the same output, so the platform runs and tests pass offline.
 */
import type { TPriceTable } from "./config.ts";
import { AiProviderError } from "./errors.ts";
import { costFromPrices, EMBEDDING_DIMENSIONS, type TAiProvider, type TChatRequest, type TChatResult, type TChatStreamEvent } from "./provider.ts";

export const LOCAL_EMBEDDING_MODEL = "cto-local-embedding-v1";
export const LOCAL_CHAT_MODEL = "cto-local-coach-v1";

/** A common rough estimate for English text: about four characters per token. */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

const wordsOf = (text: string): string[] => text.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}']+/gu) ?? [];

export const localEmbedding = (text: string): number[] => {
  const vector = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
  const words = wordsOf(text);
  // Pairs add a little word order; an empty text still gets a (fixed) non-zero vector, since a zero vector has no cosine.
  const features = words.length === 0 ? ["\u0000empty"] : [...words, ...words.slice(1).map((word, i) => `${words[i]} ${word}`)];
  for (const feature of features) {
    const hash = fnv1a(feature);
    const weight = feature.includes(" ") ? 0.5 : 1;
    vector[hash % EMBEDDING_DIMENSIONS]! += (hash & 0x80000000) === 0 ? weight : -weight;
  }
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return norm === 0 ? vector.map((_, i) => (i === 0 ? 1 : 0)) : vector.map((value) => value / norm);
};

const QUESTIONS = [
  "What is the smallest next step you could take on this today?",
  "What would a good outcome here look like for you, in one sentence?",
  "What has made this hard so far, and what has helped even a little?",
  "If you looked back on this in a month, what would you want to have done?",
];

const excerpt = (text: string, max: number): string => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
};

export const localReply = (request: TChatRequest): string => {
  const lastUser = [...request.messages].reverse().find((message) => message.role === "user")?.content ?? "";
  const context = request.messages.filter((message) => message.role === "system").map((message) => message.content).join(" ");
  const parts = ["I'm Cto's offline local coach: no AI model is configured, so this is a fixed template, not a generated reply."];
  parts.push(lastUser.trim() ? `What I understood: "${excerpt(lastUser, 280)}".` : "I did not receive a message to respond to.");
  if (context.trim()) parts.push(`What I have as context: "${excerpt(context, 200)}".`);
  parts.push(QUESTIONS[fnv1a(lastUser) % QUESTIONS.length]!);
  return parts.join(" ");
};

const throwIfAborted = (signal: AbortSignal | undefined) => {
  if (signal?.aborted) throw new AiProviderError("timeout", "The AI request was aborted");
};

export const createLocalProvider = (options: { prices?: TPriceTable } = {}): TAiProvider => {
  const costOf = costFromPrices(options.prices ?? {});

  const chat = async (request: TChatRequest): Promise<TChatResult> => {
    const startedAt = performance.now();
    throwIfAborted(request.signal);
    const content = localReply(request);
    const promptTokens = request.messages.reduce((sum, message) => sum + estimateTokens(message.content), 0);
    const completionTokens = estimateTokens(content);
    // The template is short; a maxTokens budget below it still gets the whole reply, which is honest about its length.
    return {
      content,
      toolCalls: [],
      model: LOCAL_CHAT_MODEL,
      usage: { promptTokens, completionTokens },
      finishReason: "stop",
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
    yield { type: "done", result };
  }

  return {
    kind: "local",
    chatModel: LOCAL_CHAT_MODEL,
    embeddingModel: LOCAL_EMBEDDING_MODEL,
    embed: async (texts) => ({
      vectors: texts.map(localEmbedding),
      model: LOCAL_EMBEDDING_MODEL,
      usage: { promptTokens: texts.reduce((sum, text) => sum + estimateTokens(text), 0) },
    }),
    chat,
    chatStream,
    costOf,
  };
};
