-- Hand-written: the vector searches of `@cto/db/vector` as functions, so each search is one statement
-- (one round trip) instead of five (count, BEGIN, set_config, search, COMMIT). On a loaded machine each
-- round trip costs milliseconds, several times the 2–3 ms the index scan itself takes.
--
-- Each function does what the helper did in TypeScript, in the same order:
--   1. count the rows the filter admits, no further than one past p_exact_max_rows;
--   2. that few: the exact scan answers (`+ 0` makes the ORDER BY an expression no index serves);
--   3. more: the HNSW index answers, with pgvector 0.8's iterative scans in strict order;
--   4. the index yields fewer than p_k rows: the exact scan answers instead, so a filtered search never
--      returns fewer results than exist. The index's rows are held in an array until then, because rows
--      RETURN QUERY has sent cannot be taken back.
--
-- Settings. Each setting the functions change has a function-level SET clause, so PostgreSQL restores the
-- caller's value when the call ends, including after a `set_config(…, true)` inside the call (which would
-- otherwise last until the end of the caller's transaction). Nothing leaks to the session or transaction.
-- - `hnsw.iterative_scan = strict_order`: a filtered index scan keeps going until k rows pass the filter.
-- - `hnsw.ef_search`: p_ef, through set_config (the clause's own value is always replaced).
-- - `enable_sort`: off for the index statement only. It keeps the planner on the index: pgvector prices
--   the index scan by ef_search and the filter's selectivity, and would often pick an exact scan and a
--   sort, 10–100× slower for a user with tens of thousands of rows. It is on for the exact scans, which
--   need a sort: off, it adds PostgreSQL's disable_cost (1e10) to their plan, and the plan cost then
--   crosses jit_above_cost and JIT-compiles each call (measured: +100 ms per small-user search).
-- - `jit = off`: nothing here runs long enough to repay a JIT compile (100–200 ms measured).
-- The queries are dynamic (EXECUTE … USING) so that each is planned with the settings in force and the
-- actual values, like the helper's own statements were; only fixed fragments are concatenated, every
-- value is a parameter. `embedding IS NOT NULL` matches the indexes' partial predicate.
-- Prisma Migrate does not manage functions, so `migrate dev` leaves these alone.

CREATE FUNCTION cto_search_embeddings(
  p_user uuid, p_query vector, p_k integer, p_model text, p_kinds embedding_owner_kind[],
  p_after timestamptz, p_before timestamptz, p_ef integer, p_exact_max_rows integer
) RETURNS TABLE (id text, "ownerKind" text, "ownerId" text, "chunkIndex" integer, content text, model text, "createdAt" timestamptz, distance double precision)
LANGUAGE plpgsql
SET jit = off
SET enable_sort = on
SET hnsw.iterative_scan = strict_order
SET hnsw.ef_search = 100
AS $$
DECLARE
  -- $1 … $9 are the parameters in order (USING below); NULL filters are left out.
  v_where text := 'user_id = $1 AND embedding IS NOT NULL'
    || CASE WHEN p_model IS NOT NULL THEN ' AND model = $4' ELSE '' END
    || CASE WHEN cardinality(p_kinds) > 0 THEN ' AND owner_kind = ANY($5)' ELSE '' END
    || CASE WHEN p_after IS NOT NULL THEN ' AND created_at >= $6' ELSE '' END
    || CASE WHEN p_before IS NOT NULL THEN ' AND created_at < $7' ELSE '' END;
  v_count integer;
  v_rows embeddings[];
BEGIN
  EXECUTE 'SELECT count(*)::int FROM (SELECT 1 FROM embeddings WHERE ' || v_where || ' LIMIT $9 + 1) AS candidates'
    INTO v_count USING p_user, p_query, p_k, p_model, p_kinds, p_after, p_before, p_ef, p_exact_max_rows;
  IF v_count > p_exact_max_rows THEN
    PERFORM set_config('hnsw.ef_search', p_ef::text, true), set_config('enable_sort', 'off', true);
    EXECUTE 'SELECT ARRAY(SELECT e FROM embeddings AS e WHERE ' || v_where || ' ORDER BY embedding <=> $2 LIMIT $3)'
      INTO v_rows USING p_user, p_query, p_k, p_model, p_kinds, p_after, p_before, p_ef, p_exact_max_rows;
    PERFORM set_config('enable_sort', 'on', true);
    IF cardinality(v_rows) >= p_k THEN
      RETURN QUERY SELECT r.id::text, r.owner_kind::text, r.owner_id::text, r.chunk_index, r.content, r.model, r.created_at, (r.embedding <=> p_query)::float8
                   FROM unnest(v_rows) WITH ORDINALITY AS r ORDER BY r.ordinality;
      RETURN;
    END IF;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT id::text, owner_kind::text, owner_id::text, chunk_index, content, model, created_at, (embedding <=> $2)::float8 FROM embeddings WHERE '
    || v_where || ' ORDER BY (embedding <=> $2) + 0 LIMIT $3'
    USING p_user, p_query, p_k, p_model, p_kinds, p_after, p_before, p_ef, p_exact_max_rows;
END
$$;

CREATE FUNCTION cto_search_knowledge_chunks(
  p_query vector, p_k integer, p_active_only boolean, p_model text, p_phase integer, p_goal text, p_type text,
  p_ef integer, p_exact_max_rows integer
) RETURNS TABLE (id text, "chunkId" text, version text, "textContent" text, phase integer, goal text, type text, "isActive" boolean, distance double precision)
LANGUAGE plpgsql
SET jit = off
SET enable_sort = on
SET hnsw.iterative_scan = strict_order
SET hnsw.ef_search = 100
AS $$
DECLARE
  v_where text := 'embedding IS NOT NULL'
    || CASE WHEN p_active_only THEN ' AND is_active = true' ELSE '' END
    || CASE WHEN p_model IS NOT NULL THEN ' AND embedding_model = $4' ELSE '' END
    || CASE WHEN p_phase IS NOT NULL THEN ' AND phase = $5' ELSE '' END
    || CASE WHEN p_goal IS NOT NULL THEN ' AND goal = $6' ELSE '' END
    || CASE WHEN p_type IS NOT NULL THEN ' AND type = $7' ELSE '' END;
  v_count integer;
  v_rows knowledge_chunks[];
BEGIN
  EXECUTE 'SELECT count(*)::int FROM (SELECT 1 FROM knowledge_chunks WHERE ' || v_where || ' LIMIT $9 + 1) AS candidates'
    INTO v_count USING p_query, p_k, p_active_only, p_model, p_phase, p_goal, p_type, p_ef, p_exact_max_rows;
  IF v_count > p_exact_max_rows THEN
    PERFORM set_config('hnsw.ef_search', p_ef::text, true), set_config('enable_sort', 'off', true);
    EXECUTE 'SELECT ARRAY(SELECT c FROM knowledge_chunks AS c WHERE ' || v_where || ' ORDER BY embedding <=> $1 LIMIT $2)'
      INTO v_rows USING p_query, p_k, p_active_only, p_model, p_phase, p_goal, p_type, p_ef, p_exact_max_rows;
    PERFORM set_config('enable_sort', 'on', true);
    IF cardinality(v_rows) >= p_k THEN
      RETURN QUERY SELECT r.id::text, r.chunk_id, r.version, r.text_content, r.phase, r.goal, r.type, r.is_active, (r.embedding <=> p_query)::float8
                   FROM unnest(v_rows) WITH ORDINALITY AS r ORDER BY r.ordinality;
      RETURN;
    END IF;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT id::text, chunk_id, version, text_content, phase, goal, type, is_active, (embedding <=> $1)::float8 FROM knowledge_chunks WHERE '
    || v_where || ' ORDER BY (embedding <=> $1) + 0 LIMIT $2'
    USING p_query, p_k, p_active_only, p_model, p_phase, p_goal, p_type, p_ef, p_exact_max_rows;
END
$$;
