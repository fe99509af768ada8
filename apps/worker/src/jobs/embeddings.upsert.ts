import { embedOwners } from "@cto/core/embeddings";

import { embedderFor } from "../services/embeddings/embedder.ts";
import type { TProcessor } from "./processor.ts";

/**
 * (Re)embeds rows users wrote, from their text as it is now, all in one pass: their new chunks go to
 * the model together (the API gathers the rows written at about the same time into one job).
 * Unchanged chunks are skipped by content hash, so a retry or a duplicate job costs no model call;
 * a row that was trashed or deleted in the meantime loses its embeddings instead.
 */
export const processEmbeddingUpsert: TProcessor<"embeddings", "upsert"> = async (job, { db, ai, log }) => {
  const { owners } = job.data;
  const result = await embedOwners(db, embedderFor(ai), owners);
  log.info("embeddings upserted", {
    owners: owners.length,
    ...(owners.length === 1 ? owners[0] : { kinds: [...new Set(owners.map((owner) => owner.ownerKind))] }),
    ...result,
  });
  return result;
};
