import { embedOwners } from "@cto/core/embeddings";

import { embedderFor } from "../services/embeddings/embedder.ts";
import type { TProcessor } from "./processor.ts";

/**
 * (Re)embeds one row a user wrote, from its text as it is now: unchanged chunks are skipped by
 * content hash, so a retry or a duplicate job costs no model call; a row that was trashed or
 * deleted in the meantime loses its embeddings instead.
 */
export const processEmbeddingUpsert: TProcessor<"embeddings", "upsert"> = async (job, { db, ai, log }) => {
  const { ownerKind, ownerId } = job.data;
  const result = await embedOwners(db, embedderFor(ai), [{ ownerKind, ownerId }]);
  log.info("embeddings upserted", { ownerKind, ownerId, ...result });
  return result;
};
