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

/** One row a user wrote, whose embeddings follow its text. */
export const ZEmbeddingOwnerSchema = z.object({
  userId: z.uuid(),
  ownerKind: ZEmbeddingOwnerKindSchema,
  ownerId: z.uuid(),
});
export type TEmbeddingOwner = z.infer<typeof ZEmbeddingOwnerSchema>;

/** The most rows one upsert job carries: a producer with more adds several jobs. */
export const EMBEDDING_UPSERT_MAX_OWNERS = 100;

/**
 * (Re)compute the embeddings of rows users wrote, deduplicated by content hash, so a repeat is a no-op.
 * A producer gathers the rows written at about the same time into one job (one Redis write, one model
 * call for all their texts). A job of one row alone (`{ userId, ownerKind, ownerId }`), the shape earlier
 * versions added and Redis may still hold during an upgrade, reads as a job of that one row.
 */
export const ZEmbeddingUpsertJobSchema = z.union([
  z.object({ owners: z.array(ZEmbeddingOwnerSchema).min(1).max(EMBEDDING_UPSERT_MAX_OWNERS) }),
  ZEmbeddingOwnerSchema.transform((owner) => ({ owners: [owner] })),
]);

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
