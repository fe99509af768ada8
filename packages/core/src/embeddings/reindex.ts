import { Prisma, type Db, type EmbeddingOwnerKind } from "@cto/db/client";

import { embedOwners, SOURCE_VERSION_KEY, type TEmbedder, type TEmbedOwnersResult } from "./pipeline.ts";
import { liveRows, OWNER_KINDS, OWNER_SOURCES } from "./sources.ts";

/** Why an owner needs the pipeline: `missing` embeddings (or ones of another model), or ones `changed` since (made before the owner's last write). */
export type TStaleReason = "missing" | "changed";

// No embedding of this model yet, or one of another model left over from before a model change.
const missing = (kind: EmbeddingOwnerKind, model: string) => Prisma.sql`
  (NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.owner_kind = ${kind}::embedding_owner_kind AND e.owner_id = t.id AND e.model = ${model})
   OR EXISTS (SELECT 1 FROM embeddings e WHERE e.owner_kind = ${kind}::embedding_owner_kind AND e.owner_id = t.id AND e.model <> ${model}))`;

// An embedding of this model that records another version of the owner than its current one: the
// row was written after it (while Redis was away, or by a writer that enqueued nothing). Versions are
// compared for equality, not as times, so clock skew between writers cannot hide a change. Served by
// the (owner_kind, owner_id) index like `missing`, no text hashed; tables without a version never match.
const changed = (kind: EmbeddingOwnerKind, model: string) => {
  const { updated } = OWNER_SOURCES[kind];
  if (!updated) return Prisma.sql`false`;
  return Prisma.sql`EXISTS (SELECT 1 FROM embeddings e WHERE e.owner_kind = ${kind}::embedding_owner_kind AND e.owner_id = t.id AND e.model = ${model}
    AND (e.metadata->>${SOURCE_VERSION_KEY})::timestamptz IS DISTINCT FROM ${Prisma.raw(updated)})`;
};

const stale = (kind: EmbeddingOwnerKind, model: string, reason?: TStaleReason) =>
  reason === "missing"
    ? missing(kind, model)
    : reason === "changed"
      ? changed(kind, model)
      : Prisma.sql`(${missing(kind, model)} OR ${changed(kind, model)})`;

/**
 * Owners of one kind that need embedding under `model`: live rows with text that have no embedding
 * of this model, still have one of another model, or have one made from an earlier version of the
 * row (`reason` narrows it to one of these; both by default). Ordered by id after `afterId`, so a
 * sweep can walk a table in batches; rows it fixed no longer match, which is what makes a stopped
 * run resumable.
 */
export const findStaleOwners = async (
  db: Db,
  {
    kind,
    model,
    afterId,
    limit,
    userId,
    reason,
  }: {
    kind: EmbeddingOwnerKind;
    model: string;
    afterId?: string;
    limit: number;
    userId?: string;
    reason?: TStaleReason;
  },
) => {
  const source = OWNER_SOURCES[kind];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT t.id::text AS id FROM ${liveRows(kind)}
      AND t.id > ${afterId ?? "00000000-0000-0000-0000-000000000000"}::uuid
      ${userId ? Prisma.sql`AND ${Prisma.raw(source.user)} = ${userId}::uuid` : Prisma.empty}
      AND ${stale(kind, model, reason)}
    ORDER BY t.id LIMIT ${limit}`;
  return rows.map((row) => row.id);
};

/**
 * Deletes embeddings whose owner is no longer memory: trashed, or otherwise not live (hard deletes
 * are already handled by the schema's triggers and cascades). The API removes these on trash; this
 * catches any write that bypassed it.
 */
export const purgeDeadEmbeddings = async (db: Db, userId?: string) => {
  let count = 0;
  for (const kind of OWNER_KINDS) {
    count += await db.$executeRaw`
      DELETE FROM embeddings e WHERE e.owner_kind = ${kind}::embedding_owner_kind
        ${userId ? Prisma.sql`AND e.user_id = ${userId}::uuid` : Prisma.empty}
        AND NOT EXISTS (SELECT 1 FROM ${liveRows(kind)} AND t.id = e.owner_id)`;
  }
  return count;
};

export type TReindexProgress = TEmbedOwnersResult & {
  kind: EmbeddingOwnerKind;
  reason: TStaleReason;
  owners: number;
  batches: number;
};

export type TReindexOptions = {
  /** Owners per batch (one model call per batch, up to the embedder's own batch size). */
  batchSize?: number;
  /** Stop after this many batches (a periodic sweep does a bounded amount of work per run). */
  maxBatches?: number;
  /** Only this user's rows. */
  userId?: string;
  /** Called after each batch, e.g. to print progress. */
  onProgress?: (progress: TReindexProgress) => void;
};

/**
 * Embeds everything whose embedding is missing or of another model, then everything whose text may
 * have changed since its embedding, kind by kind and in batches, after deleting the embeddings of
 * owners that are no longer memory. Missing comes first, so a bounded run spends its batches on
 * rows that search cannot find at all before rows it finds by older text. A changed row whose text
 * is in fact the same costs no model call: its chunks match by content hash and only the version
 * they stand for is recorded. Safe to stop at any point and to run again: it picks up where the
 * last run left off. Returns the totals.
 */
export const reindexEmbeddings = async (
  db: Db,
  embedder: TEmbedder,
  { batchSize = 100, maxBatches = Number.POSITIVE_INFINITY, userId, onProgress }: TReindexOptions = {},
) => {
  const totals: TReindexProgress & { purged: number; complete: boolean } = {
    kind: OWNER_KINDS[0]!,
    reason: "missing",
    owners: 0,
    batches: 0,
    embedded: 0,
    reused: 0,
    unchanged: 0,
    deleted: 0,
    superseded: 0,
    purged: await purgeDeadEmbeddings(db, userId),
    complete: true,
  };
  for (const reason of ["missing", "changed"] as const) {
    for (const kind of OWNER_KINDS) {
      let afterId: string | undefined;
      for (;;) {
        if (totals.batches >= maxBatches) return { ...totals, complete: false };
        const ids = await findStaleOwners(db, {
          kind,
          model: embedder.model,
          afterId,
          limit: batchSize,
          userId,
          reason,
        });
        if (!ids.length) break;
        const result = await embedOwners(
          db,
          embedder,
          ids.map((ownerId) => ({ ownerKind: kind, ownerId })),
        );
        for (const key of ["embedded", "reused", "unchanged", "deleted", "superseded"] as const)
          totals[key] += result[key];
        totals.owners += ids.length;
        totals.batches++;
        totals.kind = kind;
        totals.reason = reason;
        onProgress?.({ ...totals });
        afterId = ids.at(-1);
        if (ids.length < batchSize) break;
      }
    }
  }
  return totals;
};

/** How many live owners of each kind still need embedding under `model`, missing or changed (for a progress bar, or a check that a reindex is done). */
export const countStaleOwners = async (db: Db, model: string, userId?: string) => {
  const counts: Partial<Record<EmbeddingOwnerKind, number>> = {};
  for (const kind of OWNER_KINDS) {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM ${liveRows(kind)}
        ${userId ? Prisma.sql`AND ${Prisma.raw(OWNER_SOURCES[kind].user)} = ${userId}::uuid` : Prisma.empty}
        AND ${stale(kind, model)}`;
    if (row && row.n > 0) counts[kind] = row.n;
  }
  return counts;
};
