import pgvector from "pgvector";

import { Prisma, type Db, type DbExecutor, type EmbeddingOwnerKind } from "@cto/db/client";
import { contentHash, upsertEmbedding } from "@cto/db/vector";

import { chunkText, type TChunkOptions } from "./chunk.ts";
import { OWNER_SOURCES, ownerColumns } from "./sources.ts";

/** Embeds texts, one vector per text in order (e.g. `async (texts) => (await ai.embed(texts)).vectors`). */
export type TEmbedFn = (texts: string[]) => Promise<readonly (readonly number[])[]>;

export type TEmbedder = {
  embed: TEmbedFn;
  /** The model `embed` uses; stored on each row, and what searches filter on. */
  model: string;
  /** Texts per `embed` call (providers cap the batch; OpenAI takes up to 2,048 inputs). */
  batchSize?: number;
} & TChunkOptions;

export type TOwnerRef = { ownerKind: EmbeddingOwnerKind; ownerId: string };

export type TEmbedOwnersResult = {
  /** Chunks embedded by calling the model. */
  embedded: number;
  /** Chunks whose vector was copied from a row with the same content hash and model: no model call. */
  reused: number;
  /** Chunks already stored with this text and model. */
  unchanged: number;
  /** Rows removed: chunks the text no longer has, or every chunk of an owner that is gone, trashed or blank. */
  deleted: number;
  /** Owners whose text changed while they were being embedded; the job of that later write embeds them. */
  superseded: number;
};

type TSource = { ownerId: string; userId: string; text: string; updatedAt: Date | null };

/**
 * Where an embedding records the version (`updated_at`) of its owner it was made or last checked
 * from; the sweep compares it with the owner's current one (`findStaleOwners`).
 */
export const SOURCE_VERSION_KEY = "sourceUpdatedAt";
const versionOf = (metadata: unknown) => {
  const stamp = (metadata as Record<string, unknown> | null)?.[SOURCE_VERSION_KEY];
  return typeof stamp === "string" ? Date.parse(stamp) : Number.NaN;
};

/**
 * Records `version` on every chunk of these owners under `model`, where it differs. Only a version
 * read together with the text the chunks were checked against is recorded, so a write that came in
 * meanwhile leaves a version behind the owner's and the sweep looks again: never the other way round.
 */
const recordVersions = async (
  db: DbExecutor,
  kind: EmbeddingOwnerKind,
  model: string,
  versions: { ownerId: string; version: Date }[],
) => {
  if (!versions.length) return;
  await db.$executeRaw`
    UPDATE embeddings e SET metadata = e.metadata || jsonb_build_object(${SOURCE_VERSION_KEY}::text, v.version)
    FROM unnest(${versions.map((v) => v.ownerId)}::uuid[], ${versions.map((v) => v.version.toISOString())}::text[]) AS v(owner_id, version)
    WHERE e.owner_kind = ${kind}::embedding_owner_kind AND e.owner_id = v.owner_id AND e.model = ${model}
      AND (e.metadata->>${SOURCE_VERSION_KEY}) IS DISTINCT FROM v.version`;
};

const loadSources = async (db: Db, kind: EmbeddingOwnerKind, ownerIds: string[]) => {
  const source = OWNER_SOURCES[kind];
  const rows = await db.$queryRaw<TSource[]>`SELECT ${ownerColumns(kind)} FROM ${Prisma.raw(source.from)}
    WHERE t.id = ANY(${ownerIds}::uuid[]) AND (${Prisma.raw(source.alive)})`;
  return new Map(rows.filter((row) => row.text?.trim()).map((row) => [row.ownerId, row]));
};

/** Vectors already computed for these hashes under this model, from any owner: the dedupe by content hash. */
const knownVectors = async (db: Db, model: string, hashes: string[]) => {
  if (!hashes.length) return new Map<string, number[]>();
  const rows = await db.$queryRaw<{ hash: string; vector: string }[]>`
    SELECT DISTINCT ON (content_hash) content_hash AS hash, embedding::text AS vector
    FROM embeddings WHERE model = ${model} AND content_hash = ANY(${hashes}::text[]) AND embedding IS NOT NULL`;
  return new Map(rows.map((row) => [row.hash, pgvector.fromSql(row.vector) as number[]]));
};

type TPlanned = {
  source: TSource;
  kind: EmbeddingOwnerKind;
  total: number;
  chunks: { index: number; content: string; hash: string }[];
};

const groupByKind = (owners: TOwnerRef[]) => {
  const groups = new Map<EmbeddingOwnerKind, Set<string>>();
  for (const { ownerKind, ownerId } of owners) groups.set(ownerKind, (groups.get(ownerKind) ?? new Set()).add(ownerId));
  return groups;
};

/** What must change per owner: owners that are gone lose their rows at once; the rest get a plan of fresh chunks. */
const planOwners = async (db: Db, embedder: TEmbedder, owners: TOwnerRef[], result: TEmbedOwnersResult) => {
  const planned: TPlanned[] = [];
  for (const [kind, idSet] of groupByKind(owners)) {
    const ids = [...idSet];
    const sources = await loadSources(db, kind, ids);
    const gone = ids.filter((id) => !sources.has(id));
    if (gone.length)
      result.deleted += (await db.embedding.deleteMany({ where: { ownerKind: kind, ownerId: { in: gone } } })).count;
    const existing = await db.embedding.findMany({
      where: { ownerKind: kind, ownerId: { in: [...sources.keys()] } },
      select: { ownerId: true, chunkIndex: true, contentHash: true, model: true, metadata: true },
    });
    const stored = new Set(existing.map((row) => `${row.ownerId}/${row.chunkIndex}/${row.contentHash}/${row.model}`));
    const checked: { ownerId: string; version: Date }[] = [];
    for (const source of sources.values()) {
      const chunks = chunkText(source.text, embedder).map((content, index) => ({
        index,
        content,
        hash: contentHash(content),
      }));
      const fresh = chunks.filter(
        (chunk) => !stored.has(`${source.ownerId}/${chunk.index}/${chunk.hash}/${embedder.model}`),
      );
      result.unchanged += chunks.length - fresh.length;
      const extra = existing.some((row) => row.ownerId === source.ownerId && row.chunkIndex >= chunks.length);
      if (fresh.length || extra) planned.push({ source, kind, total: chunks.length, chunks: fresh });
      // Up to date, but checked against a newer version than recorded (a write that left the text as it was).
      else if (
        source.updatedAt &&
        existing.some(
          (row) =>
            row.ownerId === source.ownerId &&
            row.model === embedder.model &&
            versionOf(row.metadata) !== source.updatedAt!.getTime(),
        )
      )
        checked.push({ ownerId: source.ownerId, version: source.updatedAt });
    }
    await recordVersions(db, kind, embedder.model, checked);
  }
  return planned;
};

/**
 * Brings the embeddings of these owners up to date with their text: text by kind → chunks with
 * overlap → content hash per chunk → chunks already stored under this hash and model are skipped,
 * hashes known from other rows reuse that vector, the rest are embedded in batches → rows upserted
 * with model and dimension, and chunks the text no longer has deleted. Owners that are gone, in
 * the trash or blank lose all their embeddings. Repeating it is a no-op.
 */
export const embedOwners = async (db: Db, embedder: TEmbedder, owners: TOwnerRef[]): Promise<TEmbedOwnersResult> => {
  const result: TEmbedOwnersResult = { embedded: 0, reused: 0, unchanged: 0, deleted: 0, superseded: 0 };
  const { model, batchSize = 64 } = embedder;
  const planned = await planOwners(db, embedder, owners, result);

  const vectors = await knownVectors(db, model, [
    ...new Set(planned.flatMap((plan) => plan.chunks.map((chunk) => chunk.hash))),
  ]);
  const known = new Set(vectors.keys());
  const missing = [
    ...new Map(
      planned
        .flatMap((plan) => plan.chunks)
        .filter((chunk) => !known.has(chunk.hash))
        .map((chunk) => [chunk.hash, chunk.content]),
    ).entries(),
  ];
  for (let offset = 0; offset < missing.length; offset += batchSize) {
    const batch = missing.slice(offset, offset + batchSize);
    const computed = await embedder.embed(batch.map(([, content]) => content));
    if (computed.length !== batch.length)
      throw new Error(`The embedding model returned ${computed.length} vectors for ${batch.length} texts.`);
    for (const [i, [hash]] of batch.entries()) vectors.set(hash, [...computed[i]!]);
  }

  for (const plan of planned) {
    const deleted = await writeOwner(db, model, plan, vectors);
    if (deleted === "superseded") {
      result.superseded++;
      continue;
    }
    result.deleted += deleted;
    for (const chunk of plan.chunks) known.has(chunk.hash) ? result.reused++ : result.embedded++;
  }
  return result;
};

/**
 * Writes one owner's chunks in a transaction that holds a per-owner advisory lock and re-reads the
 * text: if the text changed since it was embedded, nothing is written (the job enqueued by that
 * change embeds the new text), so a slow job never overwrites newer embeddings with older ones.
 */
const writeOwner = async (
  db: Db,
  model: string,
  { source, kind, total, chunks }: TPlanned,
  vectors: Map<string, number[]>,
) =>
  db.$transaction(async (tx) => {
    const { from, alive, text, updated } = OWNER_SOURCES[kind];
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${`embeddings:${kind}:${source.ownerId}`}, 0))`;
    const [current] = await tx.$queryRaw<{ text: string; updatedAt: Date | null }[]>`
      SELECT ${Prisma.raw(text)} AS text, ${Prisma.raw(updated ?? "NULL::timestamptz")} AS "updatedAt" FROM ${Prisma.raw(from)} WHERE t.id = ${source.ownerId}::uuid AND (${Prisma.raw(alive)})`;
    if (!current || current.text !== source.text) return "superseded" as const;
    const metadata = current.updatedAt ? { [SOURCE_VERSION_KEY]: current.updatedAt.toISOString() } : {};
    for (const chunk of chunks) {
      const vector = vectors.get(chunk.hash)!;
      await upsertEmbedding(tx, {
        userId: source.userId,
        ownerKind: kind,
        ownerId: source.ownerId,
        chunkIndex: chunk.index,
        content: chunk.content,
        model,
        embed: () => vector,
        metadata,
      });
    }
    // The chunks that were already right now stand for this version too.
    if (current.updatedAt)
      await recordVersions(tx, kind, model, [{ ownerId: source.ownerId, version: current.updatedAt }]);
    return (
      await tx.embedding.deleteMany({ where: { ownerKind: kind, ownerId: source.ownerId, chunkIndex: { gte: total } } })
    ).count;
  });

/** Removes every embedding of one owner (its row was trashed or deleted). */
export const deleteOwnerEmbeddings = async (db: DbExecutor, { ownerKind, ownerId }: TOwnerRef) =>
  (await db.embedding.deleteMany({ where: { ownerKind, ownerId } })).count;
