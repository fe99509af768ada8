import type { TAiProvider } from "@cto/ai/provider";
import type { DbExecutor } from "@cto/db/client";
import { ingestKnowledgeChunks, type TKnowledgeChunk } from "@cto/db/knowledge";

/**
 * Ingests knowledge chunks with the configured AI provider (the admin endpoint and `knowledge:ingest`),
 * idempotent by chunk id and version: unchanged chunks cost no embedding call, new versions replace
 * their row and vector. Returns the counts and the model that embedded them.
 */
export const ingestKnowledge = async ({
  db,
  ai,
  chunks,
}: {
  db: DbExecutor;
  ai: TAiProvider;
  chunks: TKnowledgeChunk[];
}) => {
  let model = ai.embeddingModel;
  // The stored model is the one the provider reports having used, as search compares by it.
  const embed = async (texts: string[]) => {
    const result = await ai.embed(texts);
    model = result.model;
    return result;
  };
  const counts = await ingestKnowledgeChunks(db, chunks, { embed, model: ai.embeddingModel });
  return { ...counts, model };
};
