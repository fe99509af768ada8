import { reindexEmbeddings } from "@cto/core/embeddings";

import { embedderFor } from "../services/embeddings/embedder.ts";
import type { TProcessor } from "./processor.ts";

/**
 * The sweep, every few minutes and on demand: embeds rows that have no embedding under the current
 * model (written while Redis was away, or all of them after a model change), then rows changed since
 * their embedding (a write that enqueued nothing, e.g. a chat summary without Redis), and purges
 * embeddings of trashed rows. Bounded by `maxBatches`; the next run resumes where this one stopped.
 */
export const processEmbeddingReindex: TProcessor<"embeddings", "reindex"> = async (job, { db, ai, log }) => {
  const { userId, batchSize, maxBatches } = job.data;
  const result = await reindexEmbeddings(db, embedderFor(ai), {
    userId,
    batchSize,
    maxBatches,
    onProgress: (progress) =>
      void job.updateProgress({
        kind: progress.kind,
        reason: progress.reason,
        owners: progress.owners,
        embedded: progress.embedded,
      }),
  });
  if (result.owners || result.purged) log.info("embeddings reindexed", { model: ai.embeddingModel, ...result });
  return result;
};
