import { z } from "zod";

/** USD per one million tokens; embeddings have no output side, so `output` is 0 for them. */
export const ZModelPriceSchema = z.object({
  input: z.number().nonnegative(),
  output: z.number().nonnegative().default(0),
});
export type TModelPrice = z.infer<typeof ZModelPriceSchema>;

export const ZPriceTableSchema = z.record(z.string().min(1), ZModelPriceSchema);
export type TPriceTable = z.infer<typeof ZPriceTableSchema>;

/** Public list prices at the time of writing; `AI_PRICES` overrides or extends them per model. */
export const DEFAULT_PRICES: TPriceTable = {
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-4o": { input: 2.5, output: 10 },
  "text-embedding-3-small": { input: 0.02, output: 0 },
};

const optionalText = z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().min(1).optional());

const ZPricesJsonSchema = z.preprocess((value, ctx) => {
  if (value === undefined || value === "") return {};
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    ctx.addIssue({ code: "custom", message: 'AI_PRICES must be JSON: {"model": {"input": 0.15, "output": 0.6}}' });
    return z.NEVER;
  }
}, ZPriceTableSchema);

export const ZAiEnvSchema = z.object({
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: z.preprocess((value) => (value === "" ? undefined : value), z.url().optional()),
  AI_CHAT_MODEL: optionalText.default("gpt-4o-mini"),
  AI_EMBEDDING_MODEL: optionalText.default("text-embedding-3-small"),
  AI_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  AI_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  AI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  AI_PRICES: ZPricesJsonSchema,
});

export type TAiConfig = {
  apiKey: string | undefined;
  baseUrl: string | undefined;
  chatModel: string;
  embeddingModel: string;
  timeoutMs: number;
  /** The bound on `embedQuery`, retries included. */
  queryTimeoutMs: number;
  maxRetries: number;
  prices: TPriceTable;
};

/** Parses the AI settings from an env object; the caller's `env.ts` decides where that object comes from. */
// biome-ignore lint/style/noProcessEnv: a library default: callers with an env.ts pass their own source
export const parseAiConfig = (env: Record<string, string | undefined> = process.env): TAiConfig => {
  const parsed = ZAiEnvSchema.parse(env);
  return {
    apiKey: parsed.OPENAI_API_KEY,
    baseUrl: parsed.OPENAI_BASE_URL,
    chatModel: parsed.AI_CHAT_MODEL,
    embeddingModel: parsed.AI_EMBEDDING_MODEL,
    timeoutMs: parsed.AI_TIMEOUT_MS,
    queryTimeoutMs: parsed.AI_QUERY_TIMEOUT_MS,
    maxRetries: parsed.AI_MAX_RETRIES,
    prices: { ...DEFAULT_PRICES, ...parsed.AI_PRICES },
  };
};
