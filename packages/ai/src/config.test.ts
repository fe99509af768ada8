import { describe, expect, it } from "vitest";
import { DEFAULT_PRICES, parseAiConfig } from "./config.ts";
import { createAiProvider } from "./create-provider.ts";
import { costFromPrices } from "./provider.ts";

describe("parseAiConfig", () => {
  it("applies defaults to an empty env", () => {
    const config = parseAiConfig({});
    expect(config).toMatchObject({
      apiKey: undefined,
      baseUrl: undefined,
      chatModel: "gpt-4o-mini",
      embeddingModel: "text-embedding-3-small",
      timeoutMs: 60_000,
      queryTimeoutMs: 5_000,
    });
    expect(config.prices).toEqual(DEFAULT_PRICES);
  });

  it("reads every variable and merges AI_PRICES over the defaults", () => {
    const config = parseAiConfig({
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: "http://127.0.0.1:11434/v1",
      AI_CHAT_MODEL: "llama3",
      AI_EMBEDDING_MODEL: "nomic",
      AI_TIMEOUT_MS: "1500",
      AI_QUERY_TIMEOUT_MS: "800",
      AI_MAX_RETRIES: "0",
      AI_PRICES: '{"llama3": {"input": 0, "output": 0}, "gpt-4o": {"input": 3, "output": 12}}',
    });
    expect(config).toMatchObject({
      apiKey: "sk-test",
      baseUrl: "http://127.0.0.1:11434/v1",
      chatModel: "llama3",
      embeddingModel: "nomic",
      timeoutMs: 1500,
      queryTimeoutMs: 800,
      maxRetries: 0,
    });
    expect(config.prices["gpt-4o"]).toEqual({ input: 3, output: 12 });
    expect(config.prices["gpt-4o-mini"]).toEqual(DEFAULT_PRICES["gpt-4o-mini"]);
    expect(config.prices.llama3).toEqual({ input: 0, output: 0 });
  });

  it("treats empty strings as unset and rejects bad values", () => {
    expect(parseAiConfig({ OPENAI_API_KEY: "", OPENAI_BASE_URL: "" }).apiKey).toBeUndefined();
    expect(() => parseAiConfig({ AI_PRICES: "{not json" })).toThrow(/AI_PRICES/);
    expect(() => parseAiConfig({ AI_PRICES: '{"m": {"input": -1}}' })).toThrow();
    expect(() => parseAiConfig({ AI_TIMEOUT_MS: "soon" })).toThrow();
    expect(() => parseAiConfig({ AI_QUERY_TIMEOUT_MS: "0" })).toThrow();
    expect(() => parseAiConfig({ OPENAI_BASE_URL: "not a url" })).toThrow();
  });
});

describe("costFromPrices", () => {
  const costOf = costFromPrices(DEFAULT_PRICES);

  it("prices input and output tokens per million", () => {
    expect(costOf("gpt-4o-mini", { promptTokens: 1_000_000, completionTokens: 1_000_000 })).toBeCloseTo(0.75, 10);
    expect(costOf("gpt-4o", { promptTokens: 2000, completionTokens: 500 })).toBeCloseTo(0.01, 10);
    expect(costOf("text-embedding-3-small", { promptTokens: 500_000 })).toBeCloseTo(0.01, 10);
  });

  it("prices dated snapshots as their family and unknown models at 0", () => {
    expect(costOf("gpt-4o-mini-2024-07-18", { promptTokens: 1_000_000, completionTokens: 0 })).toBeCloseTo(0.15, 10);
    expect(costOf("cto-local-coach-v1", { promptTokens: 1000, completionTokens: 1000 })).toBe(0);
  });
});

describe("createAiProvider", () => {
  it("is local without a key or base URL, OpenAI with either", () => {
    expect(createAiProvider(parseAiConfig({})).kind).toBe("local");
    expect(createAiProvider(parseAiConfig({ OPENAI_API_KEY: "sk-test" })).kind).toBe("openai");
    expect(createAiProvider(parseAiConfig({ OPENAI_BASE_URL: "http://127.0.0.1:1/v1" })).kind).toBe("openai");
  });
});
