import { z } from "zod";

// The database's EmbeddingOwnerKind values (queue payloads are internal, so no lowercase boundary form).
export const ZEmbeddingOwnerKindSchema = z.enum([
  "MESSAGE",
  "INSIGHT",
  "REPORT",
  "CONVERSATION",
  "GOAL",
  "COMMITMENT",
  "PERSON",
  "PLACE",
  "EVENT",
  "TASK",
  "DEADLINE",
  "POST",
  "REPLY",
  "STORY",
  "ANALYSIS_MESSAGE",
  "USER_CONTEXT",
  "EMOTION",
  "ENERGY_METRIC",
  "DOCUMENT_CHUNK",
]);

/** (Re)compute the embeddings of one row a user wrote; deduplicated by content hash, so a repeat is a no-op. */
export const ZEmbeddingUpsertJobSchema = z.object({
  userId: z.uuid(),
  ownerKind: ZEmbeddingOwnerKindSchema,
  ownerId: z.uuid(),
});

/**
 * The sweep: embed every row with no embedding under the current model (rows written while Redis was
 * down, or all of them after a model change), then rows changed since their embedding, and purge
 * embeddings of trashed rows, in batches. A
 * periodic run is bounded by `maxBatches`; the next run resumes where it stopped.
 */
export const ZEmbeddingReindexJobSchema = z.object({
  userId: z.uuid().optional(),
  batchSize: z.number().int().min(1).max(1000).default(100),
  maxBatches: z.number().int().min(1).optional(),
});

export const EMBEDDING_JOBS = {
  upsert: ZEmbeddingUpsertJobSchema,
  reindex: ZEmbeddingReindexJobSchema,
} as const;
