-- History that grows for years (packages/db README, "History and retention").
--
-- The hot tables, messages and ai_responses, stay plain tables. Partitioning them by month would put
-- created_at into their primary keys, and with it into every foreign key and Prisma relation that
-- names a message: ai_responses.message_id (one per message, unique), embeddings.message_id, and each
-- findUnique({ where: { id } }) or cursor on a message. That is a breaking change to @cto/db's client
-- for no gain on the hot paths, which are index range scans whatever the table's size (measured in the
-- README). Instead, whole months past a hot window move, with their AI responses, into this archive,
-- which is partitioned by month, so a month past the archive's retention is dropped in O(1).
--
-- Prisma manages the public schema only, so what is here is outside its diff (the drift check stays
-- empty). The worker drives it through the SECURITY DEFINER functions below: the app's role owns nothing
-- and cannot create a partition itself.

-- `migrate reset` drops the public schema alone; whatever an earlier history left here goes with it.
DROP SCHEMA IF EXISTS archive CASCADE;
CREATE SCHEMA archive;

-- The columns of public.messages (a test keeps them equal), the owner reached through the conversation.
CREATE TABLE archive.messages (
    "id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "role" "message_role" NOT NULL,
    "content" TEXT NOT NULL,
    "user_id" UUID,
    "tool_calls" JSONB,
    "tool_call_id" TEXT,
    "metadata" JSONB NOT NULL,
    "source" "message_source" NOT NULL,
    "telegram_message_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "archived_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "messages_pkey" PRIMARY KEY ("id", "created_at"),
    -- Deleting a conversation, or the account (users → conversations), deletes its archived history too.
    CONSTRAINT "messages_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES public.conversations ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES public.users ("id") ON DELETE CASCADE ON UPDATE CASCADE
) PARTITION BY RANGE ("created_at");
CREATE INDEX "messages_conversation_id_created_at_idx" ON archive.messages ("conversation_id", "created_at");
CREATE INDEX "messages_user_id_idx" ON archive.messages ("user_id");

-- The columns of public.ai_responses, plus the month of their message: a response is archived, and
-- partitioned, with the message it belongs to, so a month's two partitions go together.
CREATE TABLE archive.ai_responses (
    "id" UUID NOT NULL,
    "message_id" UUID NOT NULL,
    "message_created_at" TIMESTAMPTZ(3) NOT NULL,
    "user_id" UUID NOT NULL,
    "model_used" TEXT NOT NULL,
    "token_count" INTEGER,
    "prompt_tokens" INTEGER,
    "completion_tokens" INTEGER,
    "cost" DECIMAL(14,8),
    "latency" INTEGER,
    "temperature" DOUBLE PRECISION,
    "max_tokens" INTEGER,
    "request_data" JSONB,
    "response_data" JSONB,
    "status" "ai_response_status" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "archived_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ai_responses_pkey" PRIMARY KEY ("id", "message_created_at"),
    CONSTRAINT "ai_responses_message_fkey" FOREIGN KEY ("message_id", "message_created_at") REFERENCES archive.messages ("id", "created_at") ON DELETE CASCADE,
    CONSTRAINT "ai_responses_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES public.users ("id") ON DELETE CASCADE ON UPDATE CASCADE
) PARTITION BY RANGE ("message_created_at");
CREATE INDEX "ai_responses_message_id_idx" ON archive.ai_responses ("message_id", "message_created_at");
CREATE INDEX "ai_responses_user_id_created_at_idx" ON archive.ai_responses ("user_id", "created_at");

-- The month partitions of both tables for the month holding p_month (UTC): messages_2026_01 and
-- ai_responses_2026_01 hold January 2026. True when it created them, false when they existed.
CREATE FUNCTION archive.ensure_month(p_month timestamptz) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET "TimeZone" = 'UTC'
AS $$
DECLARE
  v_from timestamptz := date_trunc('month', p_month);
  v_to timestamptz := date_trunc('month', p_month) + interval '1 month';
  v_suffix text := to_char(date_trunc('month', p_month), 'YYYY_MM');
BEGIN
  IF to_regclass(format('archive.%I', 'messages_' || v_suffix)) IS NOT NULL THEN
    RETURN false;
  END IF;
  -- Two workers creating the same month: the second waits here, then finds it.
  PERFORM pg_advisory_xact_lock(hashtext('cto:archive:partitions'));
  IF to_regclass(format('archive.%I', 'messages_' || v_suffix)) IS NOT NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('CREATE TABLE archive.%I PARTITION OF archive.messages FOR VALUES FROM (%L) TO (%L)', 'messages_' || v_suffix, v_from, v_to);
  EXECUTE format('CREATE TABLE archive.%I PARTITION OF archive.ai_responses FOR VALUES FROM (%L) TO (%L)', 'ai_responses_' || v_suffix, v_from, v_to);
  RETURN true;
END
$$;

-- Moves up to p_limit of the oldest messages created before p_before, with their AI responses, into the
-- archive, in one transaction (the caller's). Their embeddings are deleted with them (foreign key), so
-- archived messages leave the coach's memory. Rows another transaction holds are skipped, so two
-- workers never move the same message; a rerun moves what is left.
CREATE FUNCTION archive.move_messages(p_before timestamptz, p_limit integer)
RETURNS TABLE (messages bigint, ai_responses bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET "TimeZone" = 'UTC'
AS $$
DECLARE
  v_ids uuid[];
  v_first timestamptz;
  v_last timestamptz;
  v_month timestamptz;
  v_messages bigint;
  v_responses bigint;
BEGIN
  SELECT array_agg(batch.id), min(batch.created_at), max(batch.created_at) INTO v_ids, v_first, v_last
    FROM (SELECT m.id, m.created_at FROM public.messages m WHERE m.created_at < p_before
           ORDER BY m.created_at LIMIT greatest(p_limit, 0) FOR UPDATE SKIP LOCKED) batch;
  IF v_ids IS NULL THEN
    RETURN QUERY SELECT 0::bigint, 0::bigint;
    RETURN;
  END IF;
  v_month := date_trunc('month', v_first);
  WHILE v_month <= v_last LOOP
    PERFORM archive.ensure_month(v_month);
    v_month := v_month + interval '1 month';
  END LOOP;

  INSERT INTO archive.messages (id, conversation_id, role, content, user_id, tool_calls, tool_call_id, metadata, source, telegram_message_id, created_at)
    SELECT id, conversation_id, role, content, user_id, tool_calls, tool_call_id, metadata, source, telegram_message_id, created_at
      FROM public.messages WHERE id = ANY (v_ids);
  INSERT INTO archive.ai_responses (id, message_id, message_created_at, user_id, model_used, token_count, prompt_tokens, completion_tokens, cost, latency,
                                    temperature, max_tokens, request_data, response_data, status, created_at)
    SELECT r.id, r.message_id, m.created_at, r.user_id, r.model_used, r.token_count, r.prompt_tokens, r.completion_tokens, r.cost, r.latency,
           r.temperature, r.max_tokens, r.request_data, r.response_data, r.status, r.created_at
      FROM public.ai_responses r JOIN public.messages m ON m.id = r.message_id
     WHERE r.message_id = ANY (v_ids);
  GET DIAGNOSTICS v_responses = ROW_COUNT;
  -- The cascade removes their hot AI responses and their embeddings.
  DELETE FROM public.messages WHERE id = ANY (v_ids);
  GET DIAGNOSTICS v_messages = ROW_COUNT;
  RETURN QUERY SELECT v_messages, v_responses;
END
$$;

-- Deletes for good the archived months that ended on or before p_before: each month's two partitions
-- are detached and dropped (O(1), no row-by-row delete). Returns the months dropped, oldest first.
CREATE FUNCTION archive.drop_months(p_before timestamptz) RETURNS SETOF text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET "TimeZone" = 'UTC'
AS $$
DECLARE
  v_suffix text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('cto:archive:partitions'));
  FOR v_suffix IN
    SELECT substr(c.relname, length('messages_') + 1)
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'archive.messages'::regclass AND c.relname ~ '^messages_[0-9]{4}_[0-9]{2}$'
       AND to_timestamp(substr(c.relname, length('messages_') + 1), 'YYYY_MM') + interval '1 month' <= p_before
     ORDER BY 1
  LOOP
    -- The responses first: the messages' partition is referenced by them.
    IF to_regclass(format('archive.%I', 'ai_responses_' || v_suffix)) IS NOT NULL THEN
      EXECUTE format('ALTER TABLE archive.ai_responses DETACH PARTITION archive.%I', 'ai_responses_' || v_suffix);
      EXECUTE format('DROP TABLE archive.%I', 'ai_responses_' || v_suffix);
    END IF;
    EXECUTE format('ALTER TABLE archive.messages DETACH PARTITION archive.%I', 'messages_' || v_suffix);
    EXECUTE format('DROP TABLE archive.%I', 'messages_' || v_suffix);
    RETURN NEXT v_suffix;
  END LOOP;
END
$$;

-- Finding what the daily retention job works on without reading the whole table: AI responses that
-- still carry request or response bodies (the set shrinks as bodies are cleared), and the trash of
-- each soft-deleting table. Partial indexes, which Prisma leaves alone.
CREATE INDEX "ai_responses_bodies_created_at_idx" ON "ai_responses" ("created_at") WHERE "request_data" IS NOT NULL OR "response_data" IS NOT NULL;
CREATE INDEX "persons_trash_idx" ON "persons" ("deleted_at") WHERE "deleted_at" IS NOT NULL;
CREATE INDEX "places_trash_idx" ON "places" ("deleted_at") WHERE "deleted_at" IS NOT NULL;
CREATE INDEX "events_trash_idx" ON "events" ("deleted_at") WHERE "deleted_at" IS NOT NULL;
CREATE INDEX "tasks_trash_idx" ON "tasks" ("deleted_at") WHERE "deleted_at" IS NOT NULL;
CREATE INDEX "deadlines_trash_idx" ON "deadlines" ("deleted_at") WHERE "deleted_at" IS NOT NULL;

-- The app's role reads the archive and calls the functions; it writes to it only through them.
REVOKE ALL ON FUNCTION archive.ensure_month(timestamptz), archive.move_messages(timestamptz, integer), archive.drop_months(timestamptz) FROM PUBLIC;
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cto_app') THEN
    GRANT USAGE ON SCHEMA archive TO cto_app;
    GRANT SELECT ON archive.messages, archive.ai_responses TO cto_app;
    GRANT EXECUTE ON FUNCTION archive.ensure_month(timestamptz), archive.move_messages(timestamptz, integer), archive.drop_months(timestamptz) TO cto_app;
  END IF;
END
$$;
