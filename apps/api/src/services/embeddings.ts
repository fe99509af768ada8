import { deleteOwnerEmbeddings } from "@cto/core/embeddings";
import type { DbExecutor } from "@cto/db/client";
import type { EmbeddingOwnerKind } from "@cto/db/generated";

import { log } from "../log.ts";
import type { TDeps } from "./deps.ts";
import type { TAfterWrite, TWriteEvent } from "./resource.ts";

export type TEmbeddingSync = Omit<TDeps, "db"> & {
  /** The client or a transaction (a resource's hooks run in the caller's). */
  db: DbExecutor;
  userId: string;
  ownerKind: EmbeddingOwnerKind;
  ownerIds: string[];
  event: TWriteEvent;
};

/**
 * Keeps written rows' embeddings in step with them, without making the caller wait for the model:
 * - trash or delete: their embeddings go at once (a trashed row must not answer searches; hard deletes
 *   are also covered by the schema's triggers and cascades);
 * - create, update, restore: one `embeddings/upsert` job per row re-embeds it from its text.
 * Without Redis (no queues, or the enqueue failed or timed out) nothing is lost: the worker's sweep
 * embeds rows with no embedding and rows changed since theirs, and an update drops the old vectors
 * so they never answer for the new text meanwhile. The jobs are added at once, so an outage costs
 * one queue timeout, however many rows.
 */
export const syncOwnerEmbeddings = async ({
  db,
  queues,
  logger = log,
  userId,
  ownerKind,
  ownerIds,
  event,
}: TEmbeddingSync) => {
  if (!ownerIds.length) return;
  if (event === "trash" || event === "delete") {
    await db.embedding.deleteMany({ where: { ownerKind, ownerId: { in: ownerIds } } });
    return;
  }
  if (queues) {
    try {
      await Promise.all(
        ownerIds.map((ownerId) => queues.enqueue("embeddings", "upsert", { userId, ownerKind, ownerId })),
      );
      return;
    } catch (error) {
      logger.warn(
        { ownerKind, error: (error as Error).message },
        "embedding job not enqueued; the worker's sweep will embed the row",
      );
    }
  }
  if (event === "update") for (const ownerId of ownerIds) await deleteOwnerEmbeddings(db, { ownerKind, ownerId });
};

/** The resource hook for one owner kind: `afterWrite: [embedOnWrite("GOAL")]`. */
export const embedOnWrite =
  (ownerKind: EmbeddingOwnerKind): TAfterWrite =>
  ({ row, ...write }) =>
    syncOwnerEmbeddings({ ...write, ownerKind, ownerIds: [row.id] });
