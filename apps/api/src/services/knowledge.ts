import type { TAiProvider } from "@cto/ai/provider";
import type { Db } from "@cto/db/client";
import { ingestKnowledgeChunks, type TKnowledgeChunk } from "@cto/db/knowledge";

import { readPage } from "../lib/pagination.ts";

/**
 * Ingests knowledge chunks, idempotent by chunk id and version: unchanged chunks cost no embedding
 * call, new versions replace their row and vector. Returns the counts and the model that embedded them.
 */
export const ingestKnowledge = async ({ db, ai, chunks }: { db: Db; ai: TAiProvider; chunks: TKnowledgeChunk[] }) => {
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

type TKnowledgeQuery = { limit: number; cursor?: string | undefined; phase?: number | undefined; goal?: string | undefined; type?: string | undefined; active?: "true" | "false" | undefined };

/** A page of chunks by chunk id, filtered by phase, goal, type and activity. */
export const listKnowledge = ({ db, query: { limit, cursor, phase, goal, type, active } }: { db: Db; query: TKnowledgeQuery }) =>
  readPage({ limit, cursor }, {
    listed: (id) => db.knowledgeChunk.findFirst({ where: { id }, select: { id: true } }),
    read: (window) =>
      db.knowledgeChunk.findMany({ where: { phase, goal, type, ...(active === undefined ? {} : { isActive: active === "true" }) }, orderBy: [{ chunkId: "asc" }, { id: "asc" }], ...window }),
  });
