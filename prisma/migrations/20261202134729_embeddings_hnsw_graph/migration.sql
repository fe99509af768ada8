-- Hand-written: rebuild the embeddings HNSW index with a better-connected graph (m = 32,
-- ef_construction = 200; pgvector's defaults are 16 and 64).
--
-- Why (measured with `pnpm bench:vector` and 1,000 large-user queries on its 100k × 1536 data): with the
-- default graph, some rows of a tight cluster are never reached from outside it, and some queries end in
-- another topic altogether. Neither is fixed at query time: the same three of a user's true top 10 stay
-- missing at ef_search 40 and 1000 alike, and raising hnsw.max_scan_tuples changes nothing, because the
-- scan stops once k rows of the wrong region pass the filter. Mean recall@10 was 0.97 at ef_search 100,
-- with queries at 0. With m = 32, ef_construction = 200: 1.000 at ef_search 100, no query below 0.9, for
-- about the same query cost. ef_construction is what mattered: m = 32 and m = 48 with 128 each left a
-- query at 0; m = 48 with 200 recalled as well as this but cost more to build and to search. The price
-- is build time (about 5× the default's) and slower inserts (about 4×).
--
-- Same name, same partial predicate, so Prisma Migrate keeps ignoring it and the searches keep using it.
-- Not CONCURRENTLY, which cannot run inside the transaction block of a multi-statement migration script:
-- writes to embeddings wait while the index builds (seconds at 10k rows; minutes at 100k).
DROP INDEX IF EXISTS "embeddings_embedding_hnsw_idx";
CREATE INDEX "embeddings_embedding_hnsw_idx" ON "embeddings" USING hnsw ("embedding" vector_cosine_ops) WITH (m = 32, ef_construction = 200) WHERE "embedding" IS NOT NULL;
