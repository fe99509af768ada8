-- Hand-written: vector searches break distance ties by id, so equal distances come back in the same
-- order every time. Before, tied rows came in whatever order the scan met them: the heap's order for the
-- exact scan, the graph's for the index, and both change when a table is restored from a backup or its
-- index rebuilt (search results did change after a backup and restore).
--
-- Same functions, signatures and settings as migration 20261202143000_vector_search_functions; the
-- order changes:
-- - the exact scan orders by (distance, id);
-- - the index path reads k + 1 rows, nearest first, and returns k ordered by (distance, id);
-- - unless the k-th distance is shared with another row read: then which of the tied rows make the cut
--   depends on which of them the graph reaches (it does not reach every copy of a vector stored many
--   times), so the exact scan answers. Equal distances in practice mean the same vector, which the
--   embeddings pipeline reuses for equal text: many rows of one text are where this happens.

CREATE OR REPLACE FUNCTION cto_search_embeddings(
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
  v_kth double precision;
BEGIN
  EXECUTE 'SELECT count(*)::int FROM (SELECT 1 FROM embeddings WHERE ' || v_where || ' LIMIT $9 + 1) AS candidates'
    INTO v_count USING p_user, p_query, p_k, p_model, p_kinds, p_after, p_before, p_ef, p_exact_max_rows;
  IF v_count > p_exact_max_rows THEN
    PERFORM set_config('hnsw.ef_search', p_ef::text, true), set_config('enable_sort', 'off', true);
    EXECUTE 'SELECT ARRAY(SELECT e FROM embeddings AS e WHERE ' || v_where || ' ORDER BY embedding <=> $2 LIMIT $3 + 1)'
      INTO v_rows USING p_user, p_query, p_k, p_model, p_kinds, p_after, p_before, p_ef, p_exact_max_rows;
    PERFORM set_config('enable_sort', 'on', true);
    IF cardinality(v_rows) >= p_k THEN
      v_kth := v_rows[p_k].embedding <=> p_query;
      IF NOT EXISTS (SELECT 1 FROM unnest(v_rows) WITH ORDINALITY AS r WHERE r.ordinality <> p_k AND (r.embedding <=> p_query) = v_kth) THEN
        RETURN QUERY SELECT r.id::text, r.owner_kind::text, r.owner_id::text, r.chunk_index, r.content, r.model, r.created_at, (r.embedding <=> p_query)::float8
                     FROM unnest(v_rows) WITH ORDINALITY AS r WHERE r.ordinality <= p_k ORDER BY 8, r.id;
        RETURN;
      END IF;
    END IF;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT id::text, owner_kind::text, owner_id::text, chunk_index, content, model, created_at, (embedding <=> $2)::float8 FROM embeddings WHERE '
    || v_where || ' ORDER BY (embedding <=> $2) + 0, id LIMIT $3'
    USING p_user, p_query, p_k, p_model, p_kinds, p_after, p_before, p_ef, p_exact_max_rows;
END
$$;

CREATE OR REPLACE FUNCTION cto_search_knowledge_chunks(
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
  v_kth double precision;
BEGIN
  EXECUTE 'SELECT count(*)::int FROM (SELECT 1 FROM knowledge_chunks WHERE ' || v_where || ' LIMIT $9 + 1) AS candidates'
    INTO v_count USING p_query, p_k, p_active_only, p_model, p_phase, p_goal, p_type, p_ef, p_exact_max_rows;
  IF v_count > p_exact_max_rows THEN
    PERFORM set_config('hnsw.ef_search', p_ef::text, true), set_config('enable_sort', 'off', true);
    EXECUTE 'SELECT ARRAY(SELECT c FROM knowledge_chunks AS c WHERE ' || v_where || ' ORDER BY embedding <=> $1 LIMIT $2 + 1)'
      INTO v_rows USING p_query, p_k, p_active_only, p_model, p_phase, p_goal, p_type, p_ef, p_exact_max_rows;
    PERFORM set_config('enable_sort', 'on', true);
    IF cardinality(v_rows) >= p_k THEN
      v_kth := v_rows[p_k].embedding <=> p_query;
      IF NOT EXISTS (SELECT 1 FROM unnest(v_rows) WITH ORDINALITY AS r WHERE r.ordinality <> p_k AND (r.embedding <=> p_query) = v_kth) THEN
        RETURN QUERY SELECT r.id::text, r.chunk_id, r.version, r.text_content, r.phase, r.goal, r.type, r.is_active, (r.embedding <=> p_query)::float8
                     FROM unnest(v_rows) WITH ORDINALITY AS r WHERE r.ordinality <= p_k ORDER BY 9, r.id;
        RETURN;
      END IF;
    END IF;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT id::text, chunk_id, version, text_content, phase, goal, type, is_active, (embedding <=> $1)::float8 FROM knowledge_chunks WHERE '
    || v_where || ' ORDER BY (embedding <=> $1) + 0, id LIMIT $2'
    USING p_query, p_k, p_active_only, p_model, p_phase, p_goal, p_type, p_ef, p_exact_max_rows;
END
$$;
