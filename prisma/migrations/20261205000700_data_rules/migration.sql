-- Hand-written: ranges the design documents give, kept by the database itself (Prisma Migrate neither
-- sees nor drops CHECK constraints). A write outside them fails with SQLSTATE 23514, which @cto/db
-- types as `constraint_violation` and the API answers with 400.

-- 001: a knowledge chunk's phase is 1, 2, 3 or 4 (the init migration only had the lower bound).
ALTER TABLE knowledge_chunks DROP CONSTRAINT IF EXISTS knowledge_chunks_phase_check;
ALTER TABLE knowledge_chunks ADD CONSTRAINT knowledge_chunks_phase_check
  CHECK (phase IS NULL OR phase BETWEEN 1 AND 4);

-- 000: reports cover 2, 7 or 21 local days. A scheduled report spans exactly its days; one asked for
-- on demand ends now, inside its last day, so it spans more than one day fewer. Three hours either
-- side leave room for clock changes inside the period (daylight saving moves at most two).
ALTER TABLE reports DROP CONSTRAINT IF EXISTS reports_span_check;
ALTER TABLE reports ADD CONSTRAINT reports_span_check
  CHECK (
    extract(epoch FROM period_end - period_start)
      > ((CASE type WHEN 'TWO_DAY' THEN 2 WHEN 'SEVEN_DAY' THEN 7 WHEN 'TWENTY_ONE_DAY' THEN 21 END) - 1) * 86400 - 3 * 3600
    AND extract(epoch FROM period_end - period_start)
      <= (CASE type WHEN 'TWO_DAY' THEN 2 WHEN 'SEVEN_DAY' THEN 7 WHEN 'TWENTY_ONE_DAY' THEN 21 END) * 86400 + 3 * 3600
  );

-- 002: the achievement score is a gamification counter: never negative.
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_achievement_score_check;
ALTER TABLE users ADD CONSTRAINT users_achievement_score_check
  CHECK (achievement_score >= 0);

-- 000: `dimension` records the vector's length, so it must be that length.
ALTER TABLE embeddings DROP CONSTRAINT IF EXISTS embeddings_dimension_check;
ALTER TABLE embeddings ADD CONSTRAINT embeddings_dimension_check
  CHECK (dimension > 0 AND (embedding IS NULL OR vector_dims(embedding) = dimension));

-- 004: a Telegram link token is single-use, held only as its SHA-256 hash, and gone once used.
-- Tokens the rules below would refuse are useless anyway: an active connection's leftover token, a
-- token without its expiry, a stored raw token. They are cleared first so the constraints can hold.
UPDATE telegram_connections SET connection_token = NULL, connection_token_expires_at = NULL
 WHERE connection_token IS NOT NULL
   AND (is_active OR connection_token_expires_at IS NULL OR connection_token !~ '^[0-9a-f]{64}$');
UPDATE telegram_connections SET connection_token_expires_at = NULL
 WHERE connection_token IS NULL AND connection_token_expires_at IS NOT NULL;

-- Using a token links the chat, and a linked (active) connection holds no token: the update that
-- links must clear it, so the same token can never link twice.
ALTER TABLE telegram_connections DROP CONSTRAINT IF EXISTS telegram_connections_token_unused_check;
ALTER TABLE telegram_connections ADD CONSTRAINT telegram_connections_token_unused_check
  CHECK (connection_token IS NULL OR NOT is_active);

-- A token and its expiry come and go together, so no token lives forever.
ALTER TABLE telegram_connections DROP CONSTRAINT IF EXISTS telegram_connections_token_expiry_check;
ALTER TABLE telegram_connections ADD CONSTRAINT telegram_connections_token_expiry_check
  CHECK ((connection_token IS NULL) = (connection_token_expires_at IS NULL));

-- The stored token is a SHA-256 hash (lowercase hex), never the token itself.
ALTER TABLE telegram_connections DROP CONSTRAINT IF EXISTS telegram_connections_token_hash_check;
ALTER TABLE telegram_connections ADD CONSTRAINT telegram_connections_token_hash_check
  CHECK (connection_token IS NULL OR connection_token ~ '^[0-9a-f]{64}$');
