-- Hand-written: vector search exact-grade on any query, not only on queries like the user's rows.
--
-- The problem (measured with `pnpm bench:vector`, a 20,000-row user among 30,000 rows): a query unlike
-- anything the user stored (a topic they never wrote about, a random direction, a topic they touched in
-- two rows) has true neighbours that are all far and nearly tied (cosine ≈ 0.1, gaps ≈ 0.003). The HNSW
-- graph cannot find those: its edges join near rows, and these rows are near nothing the query is near.
-- Recall@10 was 0.40–0.83 for such queries, some 0, and neither a larger ef_search (400: 0.71) nor a
-- graph of the user's rows alone (a partial index: 0.38 at ef_search 100, 0.71 at 400) fixed it.
-- Quantised sketches do not either: a 1-bit sketch's error is as large as these gaps.
--
-- So the index answers only when its answer can be trusted, and an exact scan answers the rest:
--   1. Up to p_exact_max_rows matching rows: the exact scan, as before.
--   2. More: the HNSW index, as before (strict iterative scans, enable_sort off, p_ef), k + 1 rows.
--   3. Its answer stands when the k-th row is clearly nearer than the user's rows are on average: the
--      relative contrast (He, Kumar and Chang, "On the difficulty of nearest neighbor search", 2012),
--      the mean distance of a fixed sample of the filtered rows (32, the lowest ids: random rows, and the
--      same pages every time) over the k-th distance, is at least p_min_contrast. Contrast near 1 is a
--      query unlike all of the user's rows, where graph search fails. Measured on bench:vector's data,
--      every query the index got wrong at the default ef_search had a contrast ≤ 2.1 (queries like the
--      user's rows: 2.6–4.1; unlike them: 1.03–1.12; half and half: 1.4–3.5), bar the index's own rare
--      misses among queries like the data (one row of ten, in about 2 of 1,000 at ef_search 100).
--      A query turned away costs an exact scan, never recall. The right value depends on the embedding
--      model's distances: measure it for a model before relying on it (packages/db README).
--   4. Otherwise (also when the index yields fewer than k rows, or a tie at the k-th distance, see
--      migration 20261205001000_search_tie_break): the exact scan.
--
-- The exact scan reads `embedding_halfvecs`, a copy of each vector in half precision, normalised, stored
-- in the row (STORAGE PLAIN, two rows per page): the 6 KB originals are TOASTed, and reading 20,000 of
-- them took ~120,000 buffer reads (~200 ms of CPU), the copies ~10,000 (~22 ms). It takes the nearest
-- 2k + 10 by the copies and re-ranks them by the originals, so distances and order are the original
-- vectors' (half precision moves a cosine by ~1e-5; a true top-k row would need 10 + k rows within that
-- of it to be cut). Equal vectors have equal copies, so ties still go by id. The copy is normalised so
-- that no vector overflows half precision's range (65,504); cosine distance does not see the norm.
--
-- The trigger keeps the copy: every insert, and every update of the vector or of a column searches
-- filter by, writes it; deleting an embedding cascades. Existing rows are copied below.
-- The new parameter has a default, so a caller still passing nine arguments (an app instance not yet
-- updated during a deploy) gets the new behaviour instead of an error.

ALTER TABLE "embedding_halfvecs" ALTER COLUMN "embedding" SET STORAGE PLAIN;

CREATE FUNCTION embeddings_halfvec_copy() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.embedding IS NULL THEN
    DELETE FROM embedding_halfvecs WHERE id = NEW.id;
  ELSE
    INSERT INTO embedding_halfvecs (id, user_id, owner_kind, model, created_at, embedding)
    VALUES (NEW.id, NEW.user_id, NEW.owner_kind, NEW.model, NEW.created_at, l2_normalize(NEW.embedding)::halfvec(1536))
    ON CONFLICT (id) DO UPDATE SET user_id = EXCLUDED.user_id, owner_kind = EXCLUDED.owner_kind, model = EXCLUDED.model,
      created_at = EXCLUDED.created_at, embedding = EXCLUDED.embedding;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER embeddings_halfvec_copy AFTER INSERT OR UPDATE OF embedding, user_id, owner_kind, model, created_at ON embeddings
  FOR EACH ROW EXECUTE FUNCTION embeddings_halfvec_copy();

INSERT INTO embedding_halfvecs (id, user_id, owner_kind, model, created_at, embedding)
SELECT id, user_id, owner_kind, model, created_at, l2_normalize(embedding)::halfvec(1536) FROM embeddings WHERE embedding IS NOT NULL;
ANALYZE embedding_halfvecs;

DROP FUNCTION cto_search_embeddings(uuid, vector, integer, text, embedding_owner_kind[], timestamptz, timestamptz, integer, integer);

CREATE FUNCTION cto_search_embeddings(
  p_user uuid, p_query vector, p_k integer, p_model text, p_kinds embedding_owner_kind[],
  p_after timestamptz, p_before timestamptz, p_ef integer, p_exact_max_rows integer, p_min_contrast double precision DEFAULT 2.5
) RETURNS TABLE (id text, "ownerKind" text, "ownerId" text, "chunkIndex" integer, content text, model text, "createdAt" timestamptz, distance double precision)
LANGUAGE plpgsql
SET jit = off
SET enable_sort = on
SET hnsw.iterative_scan = strict_order
SET hnsw.ef_search = 100
AS $$
DECLARE
  -- $1 … $11 are the values of USING below, in order; NULL filters are left out. The filter's columns have
  -- the same names in embeddings and embedding_halfvecs, so it reads the same on both.
  v_where text := 'user_id = $1 AND embedding IS NOT NULL'
    || CASE WHEN p_model IS NOT NULL THEN ' AND model = $4' ELSE '' END
    || CASE WHEN cardinality(p_kinds) > 0 THEN ' AND owner_kind = ANY($5)' ELSE '' END
    || CASE WHEN p_after IS NOT NULL THEN ' AND created_at >= $6' ELSE '' END
    || CASE WHEN p_before IS NOT NULL THEN ' AND created_at < $7' ELSE '' END;
  v_half halfvec := l2_normalize(p_query)::halfvec;
  v_count integer;
  v_rows embeddings[];
  v_kth double precision;
  v_mean double precision;
BEGIN
  EXECUTE 'SELECT count(*)::int FROM (SELECT 1 FROM embeddings WHERE ' || v_where || ' LIMIT $9 + 1) AS candidates'
    INTO v_count USING p_user, p_query, p_k, p_model, p_kinds, p_after, p_before, p_ef, p_exact_max_rows, v_half, p_min_contrast;
  IF v_count > p_exact_max_rows THEN
    PERFORM set_config('hnsw.ef_search', p_ef::text, true), set_config('enable_sort', 'off', true);
    EXECUTE 'SELECT ARRAY(SELECT e FROM embeddings AS e WHERE ' || v_where || ' ORDER BY embedding <=> $2 LIMIT $3 + 1)'
      INTO v_rows USING p_user, p_query, p_k, p_model, p_kinds, p_after, p_before, p_ef, p_exact_max_rows, v_half, p_min_contrast;
    PERFORM set_config('enable_sort', 'on', true);
    IF cardinality(v_rows) >= p_k THEN
      v_kth := v_rows[p_k].embedding <=> p_query;
      IF NOT EXISTS (SELECT 1 FROM unnest(v_rows) WITH ORDINALITY AS r WHERE r.ordinality <> p_k AND (r.embedding <=> p_query) = v_kth) THEN
        EXECUTE 'SELECT avg(embedding <=> $10) FROM (SELECT embedding FROM embedding_halfvecs WHERE ' || v_where || ' ORDER BY id LIMIT 32) AS sample'
          INTO v_mean USING p_user, p_query, p_k, p_model, p_kinds, p_after, p_before, p_ef, p_exact_max_rows, v_half, p_min_contrast;
        IF v_mean >= p_min_contrast * v_kth THEN
          RETURN QUERY SELECT r.id::text, r.owner_kind::text, r.owner_id::text, r.chunk_index, r.content, r.model, r.created_at, (r.embedding <=> p_query)::float8
                       FROM unnest(v_rows) WITH ORDINALITY AS r WHERE r.ordinality <= p_k ORDER BY 8, r.id;
          RETURN;
        END IF;
      END IF;
    END IF;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT e.id::text, e.owner_kind::text, e.owner_id::text, e.chunk_index, e.content, e.model, e.created_at, (e.embedding <=> $2)::float8 FROM embeddings AS e'
    || ' WHERE e.id IN (SELECT id FROM embedding_halfvecs WHERE ' || v_where || ' ORDER BY (embedding <=> $10) + 0, id LIMIT 2 * $3 + 10)'
    || ' ORDER BY (e.embedding <=> $2) + 0, e.id LIMIT $3'
    USING p_user, p_query, p_k, p_model, p_kinds, p_after, p_before, p_ef, p_exact_max_rows, v_half, p_min_contrast;
END
$$;
