import { EMBEDDING_UPSERT_MAX_OWNERS, type TEmbeddingOwner } from "@cto/contracts/queues";
import { deleteOwnerEmbeddings } from "@cto/core/embeddings";
import type { DbExecutor } from "@cto/db/client";
import type { EmbeddingOwnerKind } from "@cto/db/generated";
import type { TQueues } from "@cto/queue/queues";

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

type TGatheredJob = { owners: TEmbeddingOwner[]; added: Promise<unknown> };

/** The upsert job each queues client is gathering in this turn of the event loop. */
const gathering = new WeakMap<TQueues, TGatheredJob>();

/**
 * Puts these rows in the `embeddings/upsert` job this turn of the event loop is gathering, and resolves
 * (or rejects) once that job is added. The job is added after the turn (`setImmediate`), so the rows of
 * every request answered in the same turn share one job: under load that is one Redis write, and one
 * model call in the worker, for several check-ins, messages or edits, where each used to cost its own.
 * A full job (EMBEDDING_UPSERT_MAX_OWNERS rows) is closed and the next row starts another.
 */
const gatherUpserts = (queues: TQueues, owners: TEmbeddingOwner[]) => {
  const jobs = new Set<Promise<unknown>>();
  for (const owner of owners) {
    let job = gathering.get(queues);
    if (!job || job.owners.length >= EMBEDDING_UPSERT_MAX_OWNERS) {
      const gathered: TEmbeddingOwner[] = [];
      const added = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        if (gathering.get(queues)?.owners === gathered) gathering.delete(queues);
        return queues.enqueue("embeddings", "upsert", { owners: gathered });
      });
      job = { owners: gathered, added };
      gathering.set(queues, job);
    }
    job.owners.push(owner);
    jobs.add(job.added);
  }
  return Promise.all(jobs);
};

/**
 * Keeps written rows' embeddings in step with them, without making the caller wait for the model:
 * - trash or delete: their embeddings go at once (a trashed row must not answer searches; hard deletes
 *   are also covered by the schema's triggers and cascades);
 * - create, update, restore: an `embeddings/upsert` job re-embeds the rows from their text; the rows
 *   written in one turn of the event loop share one job (`gatherUpserts`).
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
      await gatherUpserts(
        queues,
        ownerIds.map((ownerId) => ({ userId, ownerKind, ownerId })),
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
