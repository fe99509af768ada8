import type { DbExecutor } from "../../client.ts";

/**
 * The AI model catalogue: the models @cto/ai prices by default (AI_PRICES' defaults, USD per million
 * tokens), 004's default chat model, and the offline local provider's two, which cost nothing. Rows
 * that exist (by name) are left as they are, so an administrator's prices survive a second seed.
 */
export const seedAiModels = (db: DbExecutor) =>
  db.aiModel.createMany({
    skipDuplicates: true,
    data: [
      {
        name: "gpt-4o-mini",
        kind: "CHAT",
        displayName: "GPT-4o mini",
        provider: "openai",
        contextWindow: 128_000,
        inputPrice: 0.15,
        outputPrice: 0.6,
      },
      {
        name: "gpt-4o",
        kind: "CHAT",
        displayName: "GPT-4o",
        provider: "openai",
        contextWindow: 128_000,
        inputPrice: 2.5,
        outputPrice: 10,
      },
      {
        name: "mistralai/devstral-small:free",
        kind: "CHAT",
        displayName: "Devstral Small (free)",
        provider: "openrouter",
        contextWindow: 128_000,
        inputPrice: 0,
        outputPrice: 0,
      },
      {
        name: "cto-local-coach-v1",
        kind: "CHAT",
        displayName: "Cto offline coach (not a language model)",
        provider: "local",
        contextWindow: null,
        inputPrice: 0,
        outputPrice: 0,
      },
      {
        name: "text-embedding-3-small",
        kind: "EMBEDDING",
        displayName: "text-embedding-3-small",
        provider: "openai",
        contextWindow: 8_191,
        inputPrice: 0.02,
        outputPrice: 0,
      },
      {
        name: "cto-local-embedding-v1",
        kind: "EMBEDDING",
        displayName: "Cto offline word-hash embeddings",
        provider: "local",
        contextWindow: null,
        inputPrice: 0,
        outputPrice: 0,
      },
    ],
  });
