import type { DbExecutor, DbTransaction } from "../client.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { setKnowledgeChunkEmbedding } from "../vector.ts";
import { toKnowledgeRow, type TKnowledgeChunk } from "./schema.ts";

/** Longest a batch of chunks may take to write (its transaction), however loaded the database is. */
const INGEST_BATCH_TIMEOUT_MS = 60_000;

export type TKnowledgeEmbed = (texts: string[]) => Promise<{ vectors: readonly (readonly number[])[]; model?: string }>;

export type TIngestOptions = {
  /** Embeds a batch of texts; an AI provider's `embed` fits as is. */
  embed: TKnowledgeEmbed;
  /** The embedding model `embed` uses: a chunk embedded by another model is re-embedded. */
  model: string;
  /** Texts per `embed` call. */
  batchSize?: number;
};

export type TIngestCounts = { created: number; updated: number; unchanged: number };

/**
 * Stores chunks idempotently by chunk id and version: a chunk whose id, version and embedding model
 * match the stored row is neither embedded nor written (its `updatedAt` stays), so re-running an
 * ingest is free. A new version (or a new model) rewrites the row and its vector. Each batch is
 * written in one transaction, so a failure never leaves a row without its vector.
 */
export const ingestKnowledgeChunks = async (
  db: DbExecutor,
  chunks: TKnowledgeChunk[],
  { embed, model, batchSize = 64 }: TIngestOptions,
): Promise<TIngestCounts> => {
  const rows = chunks.map(toKnowledgeRow);
  const stored = new Map<string, { version: string; embeddingModel: string | null }>();
  for (let i = 0; i < rows.length; i += 1000) {
    const found = await db.knowledgeChunk.findMany({
      where: { chunkId: { in: rows.slice(i, i + 1000).map((row) => row.chunkId) } },
      select: { chunkId: true, version: true, embeddingModel: true },
    });
    for (const row of found) stored.set(row.chunkId, row);
  }
  // The embedding_model column is only set together with the vector, so a matching model means a vector exists.
  const pending = rows.filter((row) => {
    const existing = stored.get(row.chunkId);
    return !existing || existing.version !== row.version || existing.embeddingModel !== model;
  });
  const counts: TIngestCounts = { created: 0, updated: 0, unchanged: rows.length - pending.length };

  const size = Math.max(1, Math.trunc(batchSize));
  for (let i = 0; i < pending.length; i += size) {
    const batch = pending.slice(i, i + size);
    const { vectors, model: embeddedBy = model } = await embed(batch.map((row) => row.embeddingText));
    if (vectors.length !== batch.length)
      throw new Error(`The embedding function returned ${vectors.length} vectors for ${batch.length} texts.`);
    const write = async (tx: DbExecutor) => {
      for (const [j, { chunkId, languageVariants, ...rest }] of batch.entries()) {
        const data = { ...rest, languageVariants: languageVariants as Prisma.InputJsonValue };
        await tx.knowledgeChunk.upsert({ where: { chunkId }, create: { chunkId, ...data }, update: data });
        await setKnowledgeChunkEmbedding(tx, { chunkId, vector: vectors[j]!, model: embeddedBy });
      }
    };
    // Inside a caller's transaction the batch joins it; otherwise each batch gets its own, with room for a
    // slow machine: Prisma's default 5 s made the first start's seed fail on a loaded embedded database.
    await ("$transaction" in db
      ? db.$transaction((tx: DbTransaction) => write(tx), {
          timeout: INGEST_BATCH_TIMEOUT_MS,
          maxWait: INGEST_BATCH_TIMEOUT_MS,
        })
      : write(db));
    for (const row of batch) counts[stored.has(row.chunkId) ? "updated" : "created"] += 1;
  }
  return counts;
};
