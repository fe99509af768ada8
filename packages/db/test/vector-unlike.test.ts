// Vector search on queries unlike what the user stored. The data are bench:vector's (bench/data.ts), small:
// a user with a Zipf-weighted palette of topics and a tail of rare ones, among another user's rows on every
// topic, so that a topic the user never wrote about is crowded with rows the filter rejects. Such queries
// (off the palette, random directions) are where the HNSW index alone misses rows; the search must answer
// them exactly, by the exact scan, and keep queries like the user's rows on the index.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pgvector from "pgvector";

import { createDb, type Db, type DbExecutor } from "../src/client.ts";
import { testTargets, type TestDatabase } from "../src/testing/index.ts";
import { DEFAULT_EF_SEARCH, EMBEDDING_DIMENSION, EXACT_SCAN_MAX_ROWS, searchEmbeddings } from "../src/vector.ts";
import { createTopicSpace, literal, normalise } from "../bench/data.ts";

const MODEL = "unlike-model";
const K = 10;
/**
 * The user's rows, above EXACT_SCAN_MAX_ROWS so that the index is in play, and the crowd's: another user
 * writing about every topic. PGlite (WASM) writes rows and builds the graph several times more slowly, so
 * the embedded target gets fewer.
 */
const SIZES = { postgres: { user: 1_100, crowd: 500 }, embedded: { user: 1_050, crowd: 250 } } as const;
/**
 * At this size the graph still finds most far rows at the default ef_search (the index alone: recall 0.98 off
 * the palette); at 20,000 rows it does not (0.66, bench:vector). A small ef_search brings that failure to this
 * size, where the exact scan is cheap.
 */
const SMALL_EF = 10;
const QUERIES = { "on palette": 12, "off palette": 10, random: 6, "rare topic": 6, blend: 6 } as const;
type TQueryClass = keyof typeof QUERIES;

const insertRows = async (owner: Db, userId: string, vectors: number[][]) => {
  for (let start = 0; start < vectors.length; start += 100) {
    const values = vectors
      .slice(start, start + 100)
      .map(
        (vector) =>
          `('${userId}'::uuid, 'GOAL', gen_random_uuid(), 'unlike', repeat('a', 64), '${MODEL}', ${EMBEDDING_DIMENSION}, '${literal(vector)}'::vector, now())`,
      );
    await owner.$executeRawUnsafe(
      `INSERT INTO embeddings (user_id, owner_kind, owner_id, content, content_hash, model, dimension, embedding, updated_at) VALUES ${values.join(", ")}`,
    );
  }
};

describe.each(testTargets())("vector search on queries unlike the user's rows, on $name", (target) => {
  let database: TestDatabase;
  let db: Db;
  let userId = "";
  const queries: { kind: TQueryClass; vector: number[] }[] = [];
  let started = 0;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    started = Date.now();
    database = await target.createMigrated();
    timings.database = Date.now() - started;
    db = createDb({ url: database.url });
    const owner = createDb({ url: database.url, role: null });
    const space = createTopicSpace({ seed: 16 });
    const palette = space.palette(3, { tail: true });
    const crowd = space.palette(Number.POSITIVE_INFINITY);
    userId = (await owner.user.create({ data: { email: "unlike@vector.test" } })).id;
    const crowdId = (await owner.user.create({ data: { email: "crowd@vector.test" } })).id;
    // The index built once after the rows, from its migrated definition: 3–5× faster than row by row.
    const [index] = await owner.$queryRaw<
      { indexdef: string }[]
    >`SELECT indexdef FROM pg_indexes WHERE indexname = 'embeddings_embedding_hnsw_idx'`;
    await owner.$executeRawUnsafe("DROP INDEX embeddings_embedding_hnsw_idx");
    const sizes = SIZES[target.name];
    await insertRows(owner, userId, [
      ...Array.from({ length: sizes.user - palette.tailRows.length }, palette.sample),
      ...palette.tailRows,
    ]);
    await insertRows(owner, crowdId, Array.from({ length: sizes.crowd }, crowd.sample));
    timings.rows = Date.now() - started - timings.database;
    await owner.$executeRawUnsafe(index!.indexdef);
    await owner.$executeRawUnsafe("ANALYZE embeddings");
    await owner.$executeRawUnsafe("ANALYZE embedding_halfvecs");
    await owner.$disconnect();
    timings.index = Date.now() - started - timings.database - timings.rows;
    const blend = () => {
      const [on, off] = [palette.sample(), palette.offPalette()];
      return normalise(on.map((x, i) => 0.5 * x + 0.5 * off[i]!));
    };
    const make: Record<TQueryClass, () => number[]> = {
      "on palette": palette.sample,
      "off palette": palette.offPalette,
      random: () => normalise(Array.from({ length: EMBEDDING_DIMENSION }, space.random.gaussian)),
      "rare topic": palette.rare,
      blend,
    };
    for (const [kind, count] of Object.entries(QUERIES) as [TQueryClass, number][]) {
      for (let i = 0; i < count; i++) queries.push({ kind, vector: make[kind]() });
    }
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
    console.info(`[vector-unlike.test] ${target.name}: ms ${JSON.stringify(timings)}, total ${Date.now() - started}`);
  });

  /** The exact top k by PostgreSQL's own arithmetic (no index: `+ 0`), ties by id, as the search orders them. */
  const exactIds = async (vector: number[]) =>
    (
      await db.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM embeddings WHERE user_id = ${userId}::uuid AND embedding IS NOT NULL
        ORDER BY (embedding <=> ${pgvector.toSql(vector)}::vector) + 0, id LIMIT ${K}`
    ).map((row) => row.id);

  /**
   * Copies in embedding_halfvecs read in this transaction (by sequential scans, counted on the table, or
   * through an index, counted on the index): the exact scan reads all of the user's, the index path a sample of 32.
   */
  const copiesRead = async (tx: DbExecutor) =>
    Number(
      (
        await tx.$queryRaw<{ n: bigint }[]>`
        SELECT pg_stat_get_xact_tuples_returned('embedding_halfvecs'::regclass) + pg_stat_get_xact_tuples_fetched('embedding_halfvecs'::regclass)
          + (SELECT sum(pg_stat_get_xact_tuples_fetched(indexrelid)) FROM pg_index WHERE indrelid = 'embedding_halfvecs'::regclass) AS n`
      )[0]!.n,
    );

  /** The helper's answer, whether the exact scan gave it, and what the index alone (contrast 0) answers. */
  const search = (vector: number[], efSearch = DEFAULT_EF_SEARCH) =>
    db.$transaction(async (tx) => {
      const before = await copiesRead(tx);
      const found = (await searchEmbeddings(tx, { userId, vector, k: K, model: MODEL, efSearch })).map(
        (match) => match.id,
      );
      const exactPath = (await copiesRead(tx)) - before > EXACT_SCAN_MAX_ROWS;
      const indexAlone = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM cto_search_embeddings(${userId}::uuid, ${pgvector.toSql(vector)}::vector, ${K}::int, ${MODEL}::text, NULL, NULL, NULL,
          ${efSearch}::int, ${EXACT_SCAN_MAX_ROWS}::int, 0::float8)`;
      return { found, exactPath, indexAlone: indexAlone.map((row) => row.id) };
    });

  const recall = (found: string[], exact: string[]) => found.filter((id) => exact.includes(id)).length / exact.length;

  it("answers queries off the user's palette and random directions exactly, by the exact scan, where the index alone misses rows", async () => {
    const alone: number[] = [];
    for (const { vector } of queries.filter((query) => query.kind === "off palette" || query.kind === "random")) {
      const exact = await exactIds(vector);
      for (const efSearch of [DEFAULT_EF_SEARCH, SMALL_EF]) {
        const { found, exactPath, indexAlone } = await search(vector, efSearch);
        expect(found).toEqual(exact);
        expect(exactPath).toBe(true);
        if (efSearch === SMALL_EF) alone.push(recall(indexAlone, exact));
      }
    }
    // The control: the index alone loses rows on these queries at SMALL_EF, so the exactness above is the
    // contrast check's doing. Its recall moves with the graph's random build (a mean of 0.6 in one run,
    // 0.91 in another), so the control asks for the worst query: it misses more than a tenth of the rows.
    expect(Math.min(...alone)).toBeLessThan(0.9);
  });

  it("keeps queries like the user's rows on the index, with recall@10 ≥ 0.9 each and ≥ 0.99 on average", async () => {
    const recalls: number[] = [];
    let onIndex = 0;
    for (const { vector } of queries.filter((query) => query.kind === "on palette")) {
      const { found, exactPath } = await search(vector);
      recalls.push(recall(found, await exactIds(vector)));
      if (!exactPath) onIndex++;
    }
    expect(Math.min(...recalls)).toBeGreaterThanOrEqual(0.9);
    expect(recalls.reduce((a, b) => a + b, 0) / recalls.length).toBeGreaterThanOrEqual(0.99);
    // The index answers most of them, which keeps search fast. Not all: the graph's build is random, and
    // on-palette contrasts reach down to about the threshold (2.3–4.0 in bench:vector), so one or two in
    // twelve may take the exact scan on one build and not on another; either way the answer is exact.
    expect(onIndex).toBeGreaterThanOrEqual(Math.ceil((QUERIES["on palette"] * 2) / 3));
  });

  it("answers rare topics and blends of the palette with another topic with recall@10 ≥ 0.9 each and ≥ 0.99 on average", async () => {
    const recalls: number[] = [];
    for (const { vector } of queries.filter((query) => query.kind === "rare topic" || query.kind === "blend")) {
      const { found } = await search(vector);
      recalls.push(recall(found, await exactIds(vector)));
    }
    expect(Math.min(...recalls)).toBeGreaterThanOrEqual(0.9);
    expect(recalls.reduce((a, b) => a + b, 0) / recalls.length).toBeGreaterThanOrEqual(0.99);
  });

  it("keeps the half-precision copies in step with the embeddings: written, changed, cleared and deleted with them", async () => {
    const copies = async () =>
      db.$queryRaw<{ n: number; same: number }[]>`
        SELECT count(*)::int AS n,
               count(*) FILTER (WHERE h.user_id = e.user_id AND h.model = e.model AND h.owner_kind = e.owner_kind AND h.created_at = e.created_at
                                  AND (h.embedding <=> l2_normalize(e.embedding)::halfvec) < 1e-6)::int AS same
        FROM embeddings e JOIN embedding_halfvecs h USING (id)`;
    const withVectors = async () =>
      (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM embeddings WHERE embedding IS NOT NULL`)[0]!
        .n;
    expect(await copies()).toEqual([{ n: await withVectors(), same: await withVectors() }]);

    const [row] = await db.$queryRaw<
      { id: string }[]
    >`SELECT id::text FROM embeddings WHERE user_id = ${userId}::uuid ORDER BY id LIMIT 1`;
    const vector = pgvector.toSql(normalise(Array.from({ length: EMBEDDING_DIMENSION }, (_, i) => (i % 7) - 3)));
    await db.$executeRaw`UPDATE embeddings SET embedding = ${vector}::vector, model = 'other-model' WHERE id = ${row!.id}::uuid`;
    expect(await copies()).toEqual([{ n: await withVectors(), same: await withVectors() }]);
    await db.$executeRaw`UPDATE embeddings SET embedding = NULL WHERE id = ${row!.id}::uuid`;
    expect(await copies()).toEqual([{ n: await withVectors(), same: await withVectors() }]);
    await db.$executeRaw`UPDATE embeddings SET embedding = ${vector}::vector WHERE id = ${row!.id}::uuid`;
    await db.$executeRaw`DELETE FROM embeddings WHERE id = ${row!.id}::uuid`;
    expect(await copies()).toEqual([{ n: await withVectors(), same: await withVectors() }]);
    expect(await db.$queryRaw`SELECT 1 FROM embedding_halfvecs WHERE id = ${row!.id}::uuid`).toEqual([]);
  });
});
