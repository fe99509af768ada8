import type { Context } from "hono";

import type { Db } from "@cto/db/client";
import { deleteOwnerEmbeddings } from "@cto/db/embeddings";
import type { EmbeddingOwnerKind } from "@cto/db/generated";

import type { AppEnv } from "../context.ts";
import type { TAfterWrite, TWriteEvent } from "./resource.ts";

type TEmbeddingWrite = { c: Context<AppEnv>; db: Db; userId: string; ownerKind: EmbeddingOwnerKind; ownerIds: string[]; event: TWriteEvent };

/**
 * Keeps a written row's embeddings in step with it, without making the request wait for the model:
 * - trash or delete: its embeddings go at once (a trashed row must not answer searches; hard deletes
 *   are also covered by the schema's triggers and cascades);
 * - create, update, restore: an `embeddings/upsert` job re-embeds it from its text.
 * Without Redis (no queues, or the enqueue failed) nothing is lost: the worker's sweep embeds every
 * row that has no embedding, and an update drops the old vectors so they never answer for new text.
 */
export const syncEmbeddings = async ({ c, db, userId, ownerKind, ownerIds, event }: TEmbeddingWrite) => {
  if (!ownerIds.length) return;
  if (event === "trash" || event === "delete") {
    await db.embedding.deleteMany({ where: { ownerKind, ownerId: { in: ownerIds } } });
    return;
  }
  const queues = c.get("queues");
  if (queues) {
    try {
      for (const ownerId of ownerIds) await queues.enqueue("embeddings", "upsert", { userId, ownerKind, ownerId });
      return;
    } catch (error) {
      console.warn(JSON.stringify({ level: "warn", msg: "embedding job not enqueued; the worker's sweep will embed the row", requestId: c.get("requestId"), ownerKind, error: (error as Error).message }));
    }
  }
  if (event === "update") for (const ownerId of ownerIds) await deleteOwnerEmbeddings(db, { ownerKind, ownerId });
};

/** The resource-route hook for one owner kind: `afterWrite: [embedOnWrite("GOAL")]`. */
export const embedOnWrite =
  (ownerKind: EmbeddingOwnerKind): TAfterWrite =>
  ({ c, db, userId, event, row }) =>
    syncEmbeddings({ c, db, userId, ownerKind, ownerIds: [row.id], event });
