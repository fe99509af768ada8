import { createHash } from "node:crypto";

import pgvector from "pgvector";

import { type DbExecutor, hasRowsPath, queryRows } from "./client.ts";
import { Prisma, type EmbeddingOwnerKind } from "./generated/prisma/client.ts";

/** Every vector column of the schema is `vector(1536)` (OpenAI text-embedding-3-small's size). */
export const EMBEDDING_DIMENSION = 1536;

export class VectorDimensionError extends Error {
  constructor(actual: number, expected = EMBEDDING_DIMENSION) {
    super(`An embedding must have ${expected} dimensions; this one has ${actual}.`);
    this.name = "VectorDimensionError";
  }
}

/** Rejects vectors of the wrong length or with non-finite values, before PostgreSQL does less clearly. */
export const assertEmbeddingVector = (vector: readonly number[], expected = EMBEDDING_DIMENSION): void => {
  if (vector.length !== expected) throw new VectorDimensionError(vector.length, expected);
  if (!vector.every(Number.isFinite)) throw new Error("An embedding must contain only finite numbers.");
};

/** SHA-256 of the embedded text (lowercase hex), the key of the dedupe. */
export const contentHash = (content: string): string => createHash("sha256").update(content, "utf8").digest("hex");

const toVectorSql = (vector: readonly number[]) => Prisma.sql`${pgvector.toSql([...vector])}::vector`;

// The typed links of `000`: cascading foreign keys for these owner kinds, set alongside owner_id.
const TYPED_LINKS: Partial<Record<EmbeddingOwnerKind, "message_id" | "insight_id" | "report_id">> = {
  MESSAGE: "message_id",
  INSIGHT: "insight_id",
  REPORT: "report_id",
};

export type EmbeddingOwner = { userId: string; ownerKind: EmbeddingOwnerKind; ownerId: string; chunkIndex?: number };

export type UpsertEmbeddingInput = EmbeddingOwner & {
  content: string;
  /** Name of the embedding model; a new model re-embeds even unchanged text. */
  model: string;
  /** Computes the vector; called only when the content (or model) changed. */
  embed: (content: string) => Promise<readonly number[]> | readonly number[];
  metadata?: Record<string, unknown>;
};

export type UpsertEmbeddingResult = { id: string; status: "created" | "updated" | "unchanged" };

/**
 * Stores the embedding of one chunk of an owner's text. Unchanged content under the same model
 * is neither embedded nor written again; changed content replaces the row in place.
 */
export const upsertEmbedding = async (db: DbExecutor, input: UpsertEmbeddingInput): Promise<UpsertEmbeddingResult> => {
  const { userId, ownerKind, ownerId, chunkIndex = 0, content, model, embed, metadata = {} } = input;
  const hash = contentHash(content);
  const existing = await db.embedding.findUnique({
    where: { userId_ownerKind_ownerId_chunkIndex: { userId, ownerKind, ownerId, chunkIndex } },
    select: { id: true, contentHash: true, model: true },
  });
  if (existing && existing.contentHash === hash && existing.model === model)
    return { id: existing.id, status: "unchanged" };

  const vector = await embed(content);
  assertEmbeddingVector(vector);
  const link = TYPED_LINKS[ownerKind];
  const rows = await db.$queryRaw<{ id: string; inserted: boolean }[]>`
    INSERT INTO embeddings (user_id, owner_kind, owner_id, chunk_index, content, content_hash, model, dimension, embedding, metadata,
                            message_id, insight_id, report_id, updated_at)
    VALUES (${userId}::uuid, ${ownerKind}::embedding_owner_kind, ${ownerId}::uuid, ${chunkIndex}, ${content}, ${hash}, ${model},
            ${vector.length}, ${toVectorSql(vector)}, ${JSON.stringify(metadata)}::jsonb,
            ${link === "message_id" ? ownerId : null}::uuid, ${link === "insight_id" ? ownerId : null}::uuid,
            ${link === "report_id" ? ownerId : null}::uuid, now())
    ON CONFLICT (user_id, owner_kind, owner_id, chunk_index) DO UPDATE
      SET content = EXCLUDED.content, content_hash = EXCLUDED.content_hash, model = EXCLUDED.model,
          dimension = EXCLUDED.dimension, embedding = EXCLUDED.embedding, metadata = EXCLUDED.metadata, updated_at = now()
    RETURNING id::text AS id, (xmax = 0) AS inserted`;
  const row = rows[0];
  if (!row) throw new Error("The embedding upsert returned no row.");
  return { id: row.id, status: row.inserted ? "created" : "updated" };
};

/** Removes an owner's chunks from `fromChunkIndex` on (after its text got shorter), or all of them. */
export const deleteEmbeddings = async (db: DbExecutor, owner: Omit<EmbeddingOwner, "chunkIndex">, fromChunkIndex = 0) =>
  db.embedding.deleteMany({ where: { ...owner, chunkIndex: { gte: fromChunkIndex } } });

export type SearchTuning = {
  /** HNSW candidate list size; higher is more accurate and slower. */
  efSearch?: number;
};

/**
 * HNSW candidate list size. Measured with `pnpm bench:vector`'s data (100k × 1536, users of 10k–30k rows,
 * 1,000 queries) on the graph of migration `20261202134729_embeddings_hnsw_graph` (m = 32,
 * ef_construction = 200): mean recall@10 0.9998 at 100, two queries at 0.9 and none lower; at 40 one
 * query lands in another topic (recall 0); at 200 every query is exact, for twice the index work. On the
 * old default graph no value helped: the rows missing at 40 were still missing at 1000, because the graph
 * did not reach them, which is why the fix was the graph.
 */
export const DEFAULT_EF_SEARCH = 100;

/**
 * Up to this many rows pass the filter, an exact scan answers: it is exact by definition and, for so
 * few rows, as fast as the index (`pnpm bench:vector`: ~1 ms for 200 rows). Above it the HNSW index
 * answers, with iterative scans so the filter does not starve it. Passed to the search functions, so
 * this stays the one place the limit is set.
 */
export const EXACT_SCAN_MAX_ROWS = 1_000;

/**
 * The index's answer stands only when its k-th row is at least this many times nearer than the user's
 * rows are on average (the relative contrast of a fixed sample of 32 of the filtered rows); below it, the
 * query is unlike the user's rows and an exact scan answers. Measured with `pnpm bench:vector` (a
 * 20,000-row user): every query the index got wrong at the default ef_search had a contrast ≤ 2.1, queries
 * like the user's rows 2.6–4.1, queries unlike them 1.03–1.12. A higher value costs exact scans, never recall;
 * the right value depends on the embedding model's distances (packages/db README, "Vector helpers").
 */
export const MIN_RELATIVE_CONTRAST = 2.5;

// `hnsw.ef_search`'s own bounds; an out-of-range value would make set_config fail.
const clampEfSearch = (efSearch = DEFAULT_EF_SEARCH) => Math.max(1, Math.min(1000, Math.trunc(efSearch)));

/*
 * Both searches run in PostgreSQL, in the functions of migration `20261202143000_vector_search_functions`
 * (`cto_search_embeddings` as migration `20261205130100_vector_search_any_query` redefines it):
 * a bounded count, the exact scan for few rows, else the HNSW index (iterative scans in strict order,
 * `enable_sort = off`, `hnsw.ef_search` from `efSearch`), and the exact scan again if the index yields
 * fewer than `k` rows or, for embeddings, if its k-th row is not clearly nearer than the user's rows are
 * on average (MIN_RELATIVE_CONTRAST). One statement, one round trip: the five the helper used to make (count, BEGIN,
 * set_config, search, COMMIT) cost several times the index scan itself on a loaded machine. The
 * settings are the functions' own (SET clauses), so they never reach the caller's session or
 * transaction, and no transaction is needed around the search. Why each step, and the measurements
 * behind the settings, are in the migration and in the README.
 */

/**
 * One search's rows: on the pool's own connection (`queryRows`) for a client or its `$replica()`, which
 * spares each search about 2 ms of Prisma's work on a 20 KB vector parameter (docs/benchmarks.md); through
 * Prisma inside a transaction. The functions name their columns as the fields, so both give the same rows.
 */
const searchRows = <R extends object>(db: DbExecutor, text: string, values: unknown[]): Promise<R[]> =>
  hasRowsPath(db) ? queryRows<R>(db, text, values) : db.$queryRawUnsafe<R[]>(text, ...values);

export type EmbeddingSearchInput = {
  userId: string;
  vector: readonly number[];
  /** Only rows embedded by this model: vectors of different models do not share a space. */
  model?: string;
  k?: number;
  ownerKinds?: EmbeddingOwnerKind[];
  createdAfter?: Date;
  createdBefore?: Date;
} & SearchTuning;

export type EmbeddingMatch = {
  id: string;
  ownerKind: EmbeddingOwnerKind;
  ownerId: string;
  chunkIndex: number;
  content: string;
  model: string;
  createdAt: Date;
  /** Cosine distance (0 = same direction, 2 = opposite). */
  distance: number;
  /** 1 − distance: cosine similarity. */
  score: number;
};

/**
 * The `k` nearest of a user's embeddings by cosine distance, optionally by owner kind and date range.
 * When at most EXACT_SCAN_MAX_ROWS rows pass the filter (most users), an exact scan answers; above
 * that the HNSW index does, unless its answer cannot be trusted: fewer than `k` rows while more exist,
 * or a query unlike the user's rows (MIN_RELATIVE_CONTRAST), where graph search misses rows. Then an
 * exact scan answers, over half-precision copies of the vectors re-ranked by the originals.
 */
export const searchEmbeddings = async (db: DbExecutor, input: EmbeddingSearchInput): Promise<EmbeddingMatch[]> => {
  assertEmbeddingVector(input.vector);
  const k = Math.max(1, Math.trunc(input.k ?? 10));
  const { userId, model, ownerKinds, createdAfter, createdBefore } = input;
  // ISO strings with an explicit offset: a bare Date parameter would be read in the session's time zone.
  // Empty filters are NULL, which the function leaves out (as the helper did with an empty model or kind list).
  const rows = await searchRows<Omit<EmbeddingMatch, "score">>(
    db,
    `SELECT * FROM cto_search_embeddings($1::uuid, $2::vector, $3::int, $4::text, $5::text[]::embedding_owner_kind[],
      $6::timestamptz, $7::timestamptz, $8::int, $9::int, $10::float8)`,
    [
      userId,
      pgvector.toSql([...input.vector]),
      k,
      model || null,
      ownerKinds?.length ? ownerKinds : null,
      createdAfter?.toISOString() ?? null,
      createdBefore?.toISOString() ?? null,
      clampEfSearch(input.efSearch),
      EXACT_SCAN_MAX_ROWS,
      MIN_RELATIVE_CONTRAST,
    ],
  );
  return rows.map((row) => ({ ...row, score: 1 - row.distance }));
};

export type KnowledgeSearchInput = {
  vector: readonly number[];
  /** Only chunks embedded by this model. */
  model?: string;
  k?: number;
  phase?: number;
  goal?: string;
  type?: string;
  /** Only active chunks (default); false searches every chunk. */
  activeOnly?: boolean;
} & SearchTuning;

export type KnowledgeMatch = {
  id: string;
  chunkId: string;
  version: string;
  textContent: string;
  phase: number | null;
  goal: string | null;
  type: string | null;
  isActive: boolean;
  distance: number;
  score: number;
};

/** The `k` knowledge chunks nearest to `vector`, filtered by phase, goal, type and activity (same paths as `searchEmbeddings`). */
export const searchKnowledgeChunks = async (db: DbExecutor, input: KnowledgeSearchInput): Promise<KnowledgeMatch[]> => {
  assertEmbeddingVector(input.vector);
  const k = Math.max(1, Math.trunc(input.k ?? 5));
  const { model, phase, goal, type, activeOnly = true } = input;
  const rows = await searchRows<Omit<KnowledgeMatch, "score">>(
    db,
    "SELECT * FROM cto_search_knowledge_chunks($1::vector, $2::int, $3::boolean, $4::text, $5::int, $6::text, $7::text, $8::int, $9::int)",
    [
      pgvector.toSql([...input.vector]),
      k,
      activeOnly,
      model || null,
      phase ?? null,
      goal ?? null,
      type ?? null,
      clampEfSearch(input.efSearch),
      EXACT_SCAN_MAX_ROWS,
    ],
  );
  return rows.map((row) => ({ ...row, score: 1 - row.distance }));
};

/** Writes a knowledge chunk's vector (chunks are upserted by chunk id through the client first). */
export const setKnowledgeChunkEmbedding = async (
  db: DbExecutor,
  { chunkId, vector, model }: { chunkId: string; vector: readonly number[]; model: string },
) => {
  assertEmbeddingVector(vector);
  const updated = await db.$executeRaw`
    UPDATE knowledge_chunks SET embedding = ${toVectorSql(vector)}, embedding_model = ${model}, updated_at = now() WHERE chunk_id = ${chunkId}`;
  if (updated === 0) throw new Error(`No knowledge chunk with chunk id ${chunkId}.`);
};
