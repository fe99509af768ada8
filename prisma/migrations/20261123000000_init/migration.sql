-- Cto's initial schema. Prisma Migrate generated the middle part from prisma/schema; the extension,
-- the rules the database enforces (CHECKs, append-only audit log, clean-up of polymorphic rows) and
-- the HNSW indexes are written by hand, because the Prisma schema cannot express them.

-- pgvector, for every `vector(1536)` column. IF NOT EXISTS keeps `migrate dev`'s shadow replay in sync.
CREATE EXTENSION IF NOT EXISTS vector;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "analysis_session_type" AS ENUM ('SCREENSHOT', 'TEXT');

-- CreateEnum
CREATE TYPE "analysis_session_status" AS ENUM ('PENDING_USER_INPUT', 'PREVIEWING_SCREENSHOT', 'UPLOADING', 'ANALYSIS_IN_PROGRESS', 'VERIFYING_OCR', 'COMPLETE', 'ERROR');

-- CreateEnum
CREATE TYPE "message_author" AS ENUM ('USER', 'CONTACT', 'AI');

-- CreateEnum
CREATE TYPE "message_sentiment" AS ENUM ('POSITIVE', 'NEGATIVE', 'NEUTRAL');

-- CreateEnum
CREATE TYPE "interaction_type" AS ENUM ('LIKED', 'DISLIKED', 'PINNED', 'COPIED_TO_CLIPBOARD');

-- CreateEnum
CREATE TYPE "task_status" AS ENUM ('PENDING', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'DEFERRED');

-- CreateEnum
CREATE TYPE "task_priority" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "event_status" AS ENUM ('TENTATIVE', 'CONFIRMED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "deadline_status" AS ENUM ('PENDING', 'COMPLETED', 'MISSED', 'EXTENDED');

-- CreateEnum
CREATE TYPE "deadline_type" AS ENUM ('DEADLINE', 'MILESTONE', 'REMINDER');

-- CreateEnum
CREATE TYPE "entity_type" AS ENUM ('PERSON', 'PLACE', 'EVENT', 'TASK', 'DEADLINE');

-- CreateEnum
CREATE TYPE "connected_account_status" AS ENUM ('ACTIVE', 'EXPIRED', 'REVOKED', 'ERROR');

-- CreateEnum
CREATE TYPE "proactive_message_status" AS ENUM ('PENDING', 'SENT', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "delivery_channel" AS ENUM ('TELEGRAM', 'IN_APP');

-- CreateEnum
CREATE TYPE "message_role" AS ENUM ('USER', 'ASSISTANT', 'SYSTEM', 'TOOL');

-- CreateEnum
CREATE TYPE "message_source" AS ENUM ('WEB', 'TELEGRAM', 'VOICE', 'API');

-- CreateEnum
CREATE TYPE "ai_response_status" AS ENUM ('SUCCESS', 'ERROR', 'CANCELLED');

-- CreateEnum
CREATE TYPE "goal_period" AS ENUM ('DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY');

-- CreateEnum
CREATE TYPE "goal_status" AS ENUM ('ACTIVE', 'COMPLETED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "reminder_status" AS ENUM ('PENDING', 'SCHEDULED', 'COMPLETED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "schedule_kind" AS ENUM ('COMMITMENT_REMINDER', 'DEADLINE_REMINDER', 'REPORT', 'CONSISTENCY', 'STORY', 'PROACTIVE_MESSAGE', 'ACCOUNT_SYNC');

-- CreateEnum
CREATE TYPE "schedule_status" AS ENUM ('ACTIVE', 'PAUSED', 'COMPLETED', 'CANCELLED', 'FAILED');

-- CreateEnum
CREATE TYPE "emotion_valence" AS ENUM ('POSITIVE', 'NEUTRAL', 'NEGATIVE');

-- CreateEnum
CREATE TYPE "report_type" AS ENUM ('TWO_DAY', 'SEVEN_DAY', 'TWENTY_ONE_DAY');

-- CreateEnum
CREATE TYPE "embedding_owner_kind" AS ENUM ('MESSAGE', 'INSIGHT', 'REPORT', 'CONVERSATION', 'GOAL', 'COMMITMENT', 'PERSON', 'PLACE', 'EVENT', 'TASK', 'DEADLINE', 'POST', 'REPLY', 'STORY', 'ANALYSIS_MESSAGE', 'USER_CONTEXT', 'EMOTION', 'ENERGY_METRIC');

-- CreateEnum
CREATE TYPE "post_status" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('USER', 'ADMIN');

-- CreateEnum
CREATE TYPE "experience_level" AS ENUM ('INTERN', 'JUNIOR', 'MID_LEVEL', 'SENIOR', 'LEAD', 'MANAGER', 'DIRECTOR', 'VP', 'C_LEVEL');

-- CreateTable
CREATE TABLE "analysis_sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "type" "analysis_session_type" NOT NULL,
    "status" "analysis_session_status" NOT NULL DEFAULT 'PENDING_USER_INPUT',
    "name" TEXT,
    "screenshot_url" TEXT,
    "ocr_result" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "last_activity" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "is_pinned" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "analysis_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analysis_messages" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "analysis_session_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "author" "message_author" NOT NULL,
    "timestamp" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentiment" "message_sentiment",
    "collection_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "title" TEXT,
    "tag" TEXT,
    "analysis" TEXT,

    CONSTRAINT "analysis_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message_interactions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "analysis_message_id" UUID NOT NULL,
    "type" "interaction_type" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "message_interactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "knowledge_chunks" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "chunk_id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "text_content" TEXT NOT NULL,
    "embedding_text" TEXT NOT NULL,
    "embedding" vector(1536),
    "embedding_model" TEXT,
    "phase" INTEGER,
    "goal" TEXT,
    "type" TEXT,
    "techniques" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "context" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "situation" TEXT,
    "primary_intent" TEXT,
    "risk_level" TEXT,
    "language_variants" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "knowledge_chunks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "persons" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "type" TEXT NOT NULL DEFAULT 'contact',
    "importance" INTEGER NOT NULL DEFAULT 5,
    "company" TEXT,
    "title" TEXT,
    "notes" TEXT,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "source_id" TEXT,
    "source_synced_at" TIMESTAMPTZ(3),
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "persons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "places" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'location',
    "address" TEXT,
    "city" TEXT,
    "state" TEXT,
    "country" TEXT,
    "latitude" DECIMAL(10,8),
    "longitude" DECIMAL(11,8),
    "timezone" TEXT,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "source_id" TEXT,
    "source_synced_at" TIMESTAMPTZ(3),
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "places_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "type" TEXT NOT NULL DEFAULT 'meeting',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "all_day" BOOLEAN NOT NULL DEFAULT false,
    "location" TEXT,
    "place_id" UUID,
    "virtual_url" TEXT,
    "status" "event_status" NOT NULL DEFAULT 'CONFIRMED',
    "visibility" TEXT NOT NULL DEFAULT 'private',
    "source" TEXT NOT NULL DEFAULT 'manual',
    "source_id" TEXT,
    "source_synced_at" TIMESTAMPTZ(3),
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tasks" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "parent_id" UUID,
    "position" INTEGER NOT NULL DEFAULT 0,
    "status" "task_status" NOT NULL DEFAULT 'PENDING',
    "priority" "task_priority" NOT NULL DEFAULT 'MEDIUM',
    "due_date" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "estimated_minutes" INTEGER,
    "actual_minutes" INTEGER,
    "assigned_to_id" UUID,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "source_id" TEXT,
    "source_synced_at" TIMESTAMPTZ(3),
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deadlines" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "type" "deadline_type" NOT NULL DEFAULT 'DEADLINE',
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "reminder_at" TIMESTAMPTZ(3),
    "status" "deadline_status" NOT NULL DEFAULT 'PENDING',
    "importance" INTEGER NOT NULL DEFAULT 5,
    "task_id" UUID,
    "event_id" UUID,
    "consequences" TEXT,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "source_id" TEXT,
    "source_synced_at" TIMESTAMPTZ(3),
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deadlines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entity_relationships" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "source_type" "entity_type" NOT NULL,
    "source_id" UUID NOT NULL,
    "target_type" "entity_type" NOT NULL,
    "target_id" UUID NOT NULL,
    "relationship" TEXT NOT NULL,
    "strength" INTEGER NOT NULL DEFAULT 5,
    "bidirectional" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "entity_relationships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "session_id" UUID,
    "conversation_id" UUID,
    "action_type" TEXT NOT NULL,
    "action_category" TEXT NOT NULL,
    "entity_type" TEXT,
    "entity_id" TEXT,
    "entity_snapshot" JSONB,
    "intent" TEXT,
    "reasoning" TEXT,
    "confidence" DECIMAL(3,2),
    "input_summary" TEXT,
    "output_summary" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'completed',
    "error_message" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agent_assumptions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "audit_log_id" UUID NOT NULL,
    "assumption" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,
    "confidence" DECIMAL(3,2) NOT NULL,
    "verified" BOOLEAN,
    "verified_at" TIMESTAMPTZ(3),
    "verified_by" TEXT,
    "correction" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agent_assumptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "connected_accounts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "access_token" TEXT NOT NULL,
    "refresh_token" TEXT,
    "token_expires" TIMESTAMPTZ(3),
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "last_sync_at" TIMESTAMPTZ(3),
    "sync_cursor" JSONB NOT NULL DEFAULT '{}',
    "sync_enabled" BOOLEAN NOT NULL DEFAULT true,
    "status" "connected_account_status" NOT NULL DEFAULT 'ACTIVE',
    "error_message" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "connected_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "telegram_connections" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "telegram_chat_id" TEXT,
    "telegram_username" TEXT,
    "connection_token" TEXT,
    "connection_token_expires_at" TIMESTAMPTZ(3),
    "is_active" BOOLEAN NOT NULL DEFAULT false,
    "connected_at" TIMESTAMPTZ(3),
    "last_message_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "telegram_connections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "proactive_messages" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "content" TEXT NOT NULL,
    "context" JSONB,
    "status" "proactive_message_status" NOT NULL DEFAULT 'PENDING',
    "channel" "delivery_channel" NOT NULL DEFAULT 'TELEGRAM',
    "scheduled_for" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "failed_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "seen_at" TIMESTAMPTZ(3),
    "acted_at" TIMESTAMPTZ(3),
    "commitment_id" UUID,
    "dedupe_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "proactive_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "title" TEXT,
    "summary" TEXT,
    "context" JSONB,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "conversation_id" UUID NOT NULL,
    "role" "message_role" NOT NULL,
    "content" TEXT NOT NULL,
    "user_id" UUID,
    "tool_calls" JSONB,
    "tool_call_id" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "source" "message_source" NOT NULL DEFAULT 'WEB',
    "telegram_message_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ai_responses" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "message_id" UUID NOT NULL,
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
    "status" "ai_response_status" NOT NULL DEFAULT 'SUCCESS',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ai_responses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "insights" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "conversation_id" UUID,
    "title" TEXT,
    "content" TEXT NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "insights_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "goals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "period" "goal_period" NOT NULL,
    "status" "goal_status" NOT NULL DEFAULT 'ACTIVE',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "start_date" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "goals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "commitments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "goal_id" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "status" "reminder_status" NOT NULL DEFAULT 'PENDING',
    "due_at" TIMESTAMPTZ(3),
    "remind_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "skipped_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "commitments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reminder_schedules" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "kind" "schedule_kind" NOT NULL,
    "commitment_id" UUID,
    "deadline_id" UUID,
    "queue_name" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "cadence" TEXT,
    "timezone" TEXT,
    "next_run_at" TIMESTAMPTZ(3),
    "last_run_at" TIMESTAMPTZ(3),
    "status" "schedule_status" NOT NULL DEFAULT 'ACTIVE',
    "payload" JSONB NOT NULL DEFAULT '{}',
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reminder_schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "emotions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "conversation_id" UUID,
    "label" TEXT NOT NULL,
    "valence" "emotion_valence" NOT NULL,
    "intensity" INTEGER NOT NULL,
    "note" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "emotions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "energy_metrics" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "note" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "energy_metrics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consistency_metrics" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "window_days" INTEGER NOT NULL,
    "score" DECIMAL(5,2) NOT NULL,
    "notes" TEXT,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consistency_metrics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "type" "report_type" NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "title" TEXT,
    "summary" TEXT,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "embeddings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "owner_kind" "embedding_owner_kind" NOT NULL,
    "owner_id" UUID NOT NULL,
    "chunk_index" INTEGER NOT NULL DEFAULT 0,
    "content" TEXT NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "model" TEXT NOT NULL,
    "dimension" INTEGER NOT NULL,
    "embedding" vector(1536),
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "message_id" UUID,
    "insight_id" UUID,
    "report_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "embeddings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "posts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "author_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "status" "post_status" NOT NULL DEFAULT 'DRAFT',
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "likes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "likes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "replies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "author_id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "content" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "replies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stories" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT,
    "image" TEXT,
    "password_hash" TEXT,
    "email_verified" TIMESTAMPTZ(3),
    "preferences" JSONB NOT NULL DEFAULT '{}',
    "last_seen_at" TIMESTAMPTZ(3),
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "role" "user_role" NOT NULL DEFAULT 'USER',
    "current_role" TEXT,
    "experience_level" "experience_level",
    "industry" TEXT,
    "years_of_experience" INTEGER,
    "current_skills" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "target_skills" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "bio" TEXT,
    "current_goals" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "achievement_score" INTEGER NOT NULL DEFAULT 0,
    "daily_generation_count" INTEGER NOT NULL DEFAULT 0,
    "last_generation_date" TIMESTAMPTZ(3),
    "current_model" TEXT,
    "preferred_models" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "session_token" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,
    "absolute_expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "ip_address" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_tokens" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL
);

-- CreateTable
CREATE TABLE "password_resets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "token" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used" BOOLEAN NOT NULL DEFAULT false,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_resets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_contexts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "personal_bio" TEXT,
    "long_term_goals" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "work_context" TEXT,
    "current_challenges" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "ai_preferences" TEXT,
    "communication_style" TEXT,
    "expertise_areas" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "learning_objectives" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "decision_making_style" TEXT,
    "time_management_style" TEXT,
    "preferred_meeting_times" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "working_hours" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_contexts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "analysis_sessions_user_id_created_at_idx" ON "analysis_sessions"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "analysis_sessions_user_id_last_activity_idx" ON "analysis_sessions"("user_id", "last_activity");

-- CreateIndex
CREATE INDEX "analysis_sessions_user_id_status_idx" ON "analysis_sessions"("user_id", "status");

-- CreateIndex
CREATE INDEX "analysis_sessions_deleted_at_idx" ON "analysis_sessions"("deleted_at");

-- CreateIndex
CREATE INDEX "analysis_messages_analysis_session_id_timestamp_idx" ON "analysis_messages"("analysis_session_id", "timestamp");

-- CreateIndex
CREATE INDEX "analysis_messages_analysis_session_id_author_idx" ON "analysis_messages"("analysis_session_id", "author");

-- CreateIndex
CREATE INDEX "message_interactions_user_id_created_at_idx" ON "message_interactions"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "message_interactions_analysis_message_id_type_idx" ON "message_interactions"("analysis_message_id", "type");

-- CreateIndex
CREATE UNIQUE INDEX "message_interactions_user_id_analysis_message_id_type_key" ON "message_interactions"("user_id", "analysis_message_id", "type");

-- CreateIndex
CREATE UNIQUE INDEX "knowledge_chunks_chunk_id_key" ON "knowledge_chunks"("chunk_id");

-- CreateIndex
CREATE INDEX "knowledge_chunks_phase_goal_idx" ON "knowledge_chunks"("phase", "goal");

-- CreateIndex
CREATE INDEX "knowledge_chunks_is_active_idx" ON "knowledge_chunks"("is_active");

-- CreateIndex
CREATE INDEX "knowledge_chunks_chunk_id_idx" ON "knowledge_chunks"("chunk_id");

-- CreateIndex
CREATE INDEX "persons_user_id_idx" ON "persons"("user_id");

-- CreateIndex
CREATE INDEX "persons_email_idx" ON "persons"("email");

-- CreateIndex
CREATE INDEX "persons_user_id_deleted_at_idx" ON "persons"("user_id", "deleted_at");

-- CreateIndex
CREATE UNIQUE INDEX "persons_user_id_email_key" ON "persons"("user_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "persons_user_id_source_source_id_key" ON "persons"("user_id", "source", "source_id");

-- CreateIndex
CREATE INDEX "places_user_id_idx" ON "places"("user_id");

-- CreateIndex
CREATE INDEX "places_user_id_deleted_at_idx" ON "places"("user_id", "deleted_at");

-- CreateIndex
CREATE UNIQUE INDEX "places_user_id_source_source_id_key" ON "places"("user_id", "source", "source_id");

-- CreateIndex
CREATE INDEX "events_user_id_idx" ON "events"("user_id");

-- CreateIndex
CREATE INDEX "events_starts_at_idx" ON "events"("starts_at");

-- CreateIndex
CREATE INDEX "events_user_id_starts_at_idx" ON "events"("user_id", "starts_at");

-- CreateIndex
CREATE INDEX "events_user_id_deleted_at_idx" ON "events"("user_id", "deleted_at");

-- CreateIndex
CREATE INDEX "events_place_id_idx" ON "events"("place_id");

-- CreateIndex
CREATE UNIQUE INDEX "events_user_id_source_source_id_key" ON "events"("user_id", "source", "source_id");

-- CreateIndex
CREATE INDEX "tasks_user_id_idx" ON "tasks"("user_id");

-- CreateIndex
CREATE INDEX "tasks_status_idx" ON "tasks"("status");

-- CreateIndex
CREATE INDEX "tasks_due_date_idx" ON "tasks"("due_date");

-- CreateIndex
CREATE INDEX "tasks_user_id_status_idx" ON "tasks"("user_id", "status");

-- CreateIndex
CREATE INDEX "tasks_user_id_due_date_idx" ON "tasks"("user_id", "due_date");

-- CreateIndex
CREATE INDEX "tasks_user_id_deleted_at_idx" ON "tasks"("user_id", "deleted_at");

-- CreateIndex
CREATE INDEX "tasks_parent_id_idx" ON "tasks"("parent_id");

-- CreateIndex
CREATE INDEX "tasks_assigned_to_id_idx" ON "tasks"("assigned_to_id");

-- CreateIndex
CREATE UNIQUE INDEX "tasks_user_id_source_source_id_key" ON "tasks"("user_id", "source", "source_id");

-- CreateIndex
CREATE INDEX "deadlines_user_id_idx" ON "deadlines"("user_id");

-- CreateIndex
CREATE INDEX "deadlines_due_at_idx" ON "deadlines"("due_at");

-- CreateIndex
CREATE INDEX "deadlines_status_idx" ON "deadlines"("status");

-- CreateIndex
CREATE INDEX "deadlines_user_id_due_at_idx" ON "deadlines"("user_id", "due_at");

-- CreateIndex
CREATE INDEX "deadlines_user_id_status_idx" ON "deadlines"("user_id", "status");

-- CreateIndex
CREATE INDEX "deadlines_user_id_deleted_at_idx" ON "deadlines"("user_id", "deleted_at");

-- CreateIndex
CREATE INDEX "deadlines_task_id_idx" ON "deadlines"("task_id");

-- CreateIndex
CREATE INDEX "deadlines_event_id_idx" ON "deadlines"("event_id");

-- CreateIndex
CREATE UNIQUE INDEX "deadlines_user_id_source_source_id_key" ON "deadlines"("user_id", "source", "source_id");

-- CreateIndex
CREATE INDEX "entity_relationships_source_type_source_id_idx" ON "entity_relationships"("source_type", "source_id");

-- CreateIndex
CREATE INDEX "entity_relationships_target_type_target_id_idx" ON "entity_relationships"("target_type", "target_id");

-- CreateIndex
CREATE UNIQUE INDEX "entity_relationships_user_source_target_relationship_key" ON "entity_relationships"("user_id", "source_type", "source_id", "target_type", "target_id", "relationship");

-- CreateIndex
CREATE INDEX "audit_logs_user_id_idx" ON "audit_logs"("user_id");

-- CreateIndex
CREATE INDEX "audit_logs_session_id_idx" ON "audit_logs"("session_id");

-- CreateIndex
CREATE INDEX "audit_logs_action_type_idx" ON "audit_logs"("action_type");

-- CreateIndex
CREATE INDEX "audit_logs_created_at_idx" ON "audit_logs"("created_at");

-- CreateIndex
CREATE INDEX "agent_assumptions_audit_log_id_idx" ON "agent_assumptions"("audit_log_id");

-- CreateIndex
CREATE INDEX "agent_assumptions_category_idx" ON "agent_assumptions"("category");

-- CreateIndex
CREATE INDEX "connected_accounts_user_id_idx" ON "connected_accounts"("user_id");

-- CreateIndex
CREATE INDEX "connected_accounts_provider_idx" ON "connected_accounts"("provider");

-- CreateIndex
CREATE UNIQUE INDEX "connected_accounts_user_id_provider_provider_account_id_key" ON "connected_accounts"("user_id", "provider", "provider_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "telegram_connections_user_id_key" ON "telegram_connections"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "telegram_connections_telegram_chat_id_key" ON "telegram_connections"("telegram_chat_id");

-- CreateIndex
CREATE UNIQUE INDEX "telegram_connections_connection_token_key" ON "telegram_connections"("connection_token");

-- CreateIndex
CREATE UNIQUE INDEX "proactive_messages_dedupe_key_key" ON "proactive_messages"("dedupe_key");

-- CreateIndex
CREATE INDEX "proactive_messages_status_scheduled_for_idx" ON "proactive_messages"("status", "scheduled_for");

-- CreateIndex
CREATE INDEX "proactive_messages_user_id_created_at_idx" ON "proactive_messages"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "proactive_messages_commitment_id_idx" ON "proactive_messages"("commitment_id");

-- CreateIndex
CREATE INDEX "conversations_user_id_updated_at_idx" ON "conversations"("user_id", "updated_at");

-- CreateIndex
CREATE INDEX "conversations_updated_at_idx" ON "conversations"("updated_at");

-- CreateIndex
CREATE INDEX "messages_conversation_id_created_at_idx" ON "messages"("conversation_id", "created_at");

-- CreateIndex
CREATE INDEX "messages_created_at_idx" ON "messages"("created_at");

-- CreateIndex
CREATE INDEX "messages_user_id_idx" ON "messages"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "ai_responses_message_id_key" ON "ai_responses"("message_id");

-- CreateIndex
CREATE INDEX "ai_responses_model_used_idx" ON "ai_responses"("model_used");

-- CreateIndex
CREATE INDEX "ai_responses_created_at_idx" ON "ai_responses"("created_at");

-- CreateIndex
CREATE INDEX "ai_responses_user_id_created_at_idx" ON "ai_responses"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "insights_user_id_created_at_idx" ON "insights"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "insights_conversation_id_idx" ON "insights"("conversation_id");

-- CreateIndex
CREATE INDEX "goals_user_id_status_idx" ON "goals"("user_id", "status");

-- CreateIndex
CREATE INDEX "goals_user_id_period_idx" ON "goals"("user_id", "period");

-- CreateIndex
CREATE INDEX "commitments_user_id_status_idx" ON "commitments"("user_id", "status");

-- CreateIndex
CREATE INDEX "commitments_user_id_due_at_idx" ON "commitments"("user_id", "due_at");

-- CreateIndex
CREATE INDEX "commitments_goal_id_idx" ON "commitments"("goal_id");

-- CreateIndex
CREATE INDEX "reminder_schedules_user_id_idx" ON "reminder_schedules"("user_id");

-- CreateIndex
CREATE INDEX "reminder_schedules_status_next_run_at_idx" ON "reminder_schedules"("status", "next_run_at");

-- CreateIndex
CREATE INDEX "reminder_schedules_commitment_id_idx" ON "reminder_schedules"("commitment_id");

-- CreateIndex
CREATE INDEX "reminder_schedules_deadline_id_idx" ON "reminder_schedules"("deadline_id");

-- CreateIndex
CREATE UNIQUE INDEX "reminder_schedules_queue_name_job_id_key" ON "reminder_schedules"("queue_name", "job_id");

-- CreateIndex
CREATE INDEX "emotions_user_id_recorded_at_idx" ON "emotions"("user_id", "recorded_at");

-- CreateIndex
CREATE INDEX "emotions_conversation_id_idx" ON "emotions"("conversation_id");

-- CreateIndex
CREATE INDEX "energy_metrics_user_id_recorded_at_idx" ON "energy_metrics"("user_id", "recorded_at");

-- CreateIndex
CREATE INDEX "consistency_metrics_user_id_period_end_idx" ON "consistency_metrics"("user_id", "period_end");

-- CreateIndex
CREATE UNIQUE INDEX "consistency_metrics_user_id_window_days_period_end_key" ON "consistency_metrics"("user_id", "window_days", "period_end");

-- CreateIndex
CREATE INDEX "reports_user_id_type_period_end_idx" ON "reports"("user_id", "type", "period_end");

-- CreateIndex
CREATE UNIQUE INDEX "reports_user_id_type_period_start_key" ON "reports"("user_id", "type", "period_start");

-- CreateIndex
CREATE INDEX "embeddings_owner_kind_owner_id_idx" ON "embeddings"("owner_kind", "owner_id");

-- CreateIndex
CREATE INDEX "embeddings_user_id_owner_kind_idx" ON "embeddings"("user_id", "owner_kind");

-- CreateIndex
CREATE INDEX "embeddings_message_id_idx" ON "embeddings"("message_id");

-- CreateIndex
CREATE INDEX "embeddings_insight_id_idx" ON "embeddings"("insight_id");

-- CreateIndex
CREATE INDEX "embeddings_report_id_idx" ON "embeddings"("report_id");

-- CreateIndex
CREATE INDEX "embeddings_content_hash_idx" ON "embeddings"("content_hash");

-- CreateIndex
CREATE UNIQUE INDEX "embeddings_user_id_owner_kind_owner_id_chunk_index_key" ON "embeddings"("user_id", "owner_kind", "owner_id", "chunk_index");

-- CreateIndex
CREATE INDEX "posts_author_id_status_idx" ON "posts"("author_id", "status");

-- CreateIndex
CREATE INDEX "posts_status_created_at_idx" ON "posts"("status", "created_at");

-- CreateIndex
CREATE INDEX "posts_created_at_idx" ON "posts"("created_at");

-- CreateIndex
CREATE INDEX "likes_post_id_idx" ON "likes"("post_id");

-- CreateIndex
CREATE UNIQUE INDEX "likes_user_id_post_id_key" ON "likes"("user_id", "post_id");

-- CreateIndex
CREATE INDEX "replies_post_id_created_at_idx" ON "replies"("post_id", "created_at");

-- CreateIndex
CREATE INDEX "replies_author_id_idx" ON "replies"("author_id");

-- CreateIndex
CREATE UNIQUE INDEX "stories_user_id_period_key" ON "stories"("user_id", "period");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_provider_provider_account_id_key" ON "accounts"("provider", "provider_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_session_token_key" ON "sessions"("session_token");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "sessions_expires_idx" ON "sessions"("expires");

-- CreateIndex
CREATE UNIQUE INDEX "verification_tokens_token_key" ON "verification_tokens"("token");

-- CreateIndex
CREATE UNIQUE INDEX "verification_tokens_identifier_token_key" ON "verification_tokens"("identifier", "token");

-- CreateIndex
CREATE UNIQUE INDEX "password_resets_token_key" ON "password_resets"("token");

-- CreateIndex
CREATE INDEX "password_resets_user_id_idx" ON "password_resets"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "api_keys_user_id_idx" ON "api_keys"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "user_contexts_user_id_key" ON "user_contexts"("user_id");

-- AddForeignKey
ALTER TABLE "analysis_sessions" ADD CONSTRAINT "analysis_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analysis_messages" ADD CONSTRAINT "analysis_messages_analysis_session_id_fkey" FOREIGN KEY ("analysis_session_id") REFERENCES "analysis_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_interactions" ADD CONSTRAINT "message_interactions_analysis_message_id_fkey" FOREIGN KEY ("analysis_message_id") REFERENCES "analysis_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_interactions" ADD CONSTRAINT "message_interactions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "persons" ADD CONSTRAINT "persons_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "places" ADD CONSTRAINT "places_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "places"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assigned_to_id_fkey" FOREIGN KEY ("assigned_to_id") REFERENCES "persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entity_relationships" ADD CONSTRAINT "entity_relationships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_assumptions" ADD CONSTRAINT "agent_assumptions_audit_log_id_fkey" FOREIGN KEY ("audit_log_id") REFERENCES "audit_logs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "connected_accounts" ADD CONSTRAINT "connected_accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "telegram_connections" ADD CONSTRAINT "telegram_connections_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proactive_messages" ADD CONSTRAINT "proactive_messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proactive_messages" ADD CONSTRAINT "proactive_messages_commitment_id_fkey" FOREIGN KEY ("commitment_id") REFERENCES "commitments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_responses" ADD CONSTRAINT "ai_responses_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ai_responses" ADD CONSTRAINT "ai_responses_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "insights" ADD CONSTRAINT "insights_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "insights" ADD CONSTRAINT "insights_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goals" ADD CONSTRAINT "goals_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_goal_id_fkey" FOREIGN KEY ("goal_id") REFERENCES "goals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder_schedules" ADD CONSTRAINT "reminder_schedules_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder_schedules" ADD CONSTRAINT "reminder_schedules_commitment_id_fkey" FOREIGN KEY ("commitment_id") REFERENCES "commitments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder_schedules" ADD CONSTRAINT "reminder_schedules_deadline_id_fkey" FOREIGN KEY ("deadline_id") REFERENCES "deadlines"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "emotions" ADD CONSTRAINT "emotions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "emotions" ADD CONSTRAINT "emotions_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "energy_metrics" ADD CONSTRAINT "energy_metrics_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consistency_metrics" ADD CONSTRAINT "consistency_metrics_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "embeddings" ADD CONSTRAINT "embeddings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "embeddings" ADD CONSTRAINT "embeddings_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "embeddings" ADD CONSTRAINT "embeddings_insight_id_fkey" FOREIGN KEY ("insight_id") REFERENCES "insights"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "embeddings" ADD CONSTRAINT "embeddings_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "likes" ADD CONSTRAINT "likes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "likes" ADD CONSTRAINT "likes_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replies" ADD CONSTRAINT "replies_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replies" ADD CONSTRAINT "replies_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stories" ADD CONSTRAINT "stories_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_contexts" ADD CONSTRAINT "user_contexts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- ============================================================================
-- Hand-written: rules the database enforces (prisma/manual/constraints.sql)
-- ============================================================================
-- Cto: what the database enforces beyond the Prisma schema (prisma/schema/*.prisma).
--
-- Append this file, unchanged, to the migration that creates the tables (after Prisma's DDL).
-- Plain PostgreSQL 15; no psql meta-commands. Re-running it is harmless: constraints are dropped
-- and re-added, functions replaced, triggers dropped and re-created.
-- Not here: CREATE EXTENSION and the HNSW vector indexes (the migration adds those), and anything
-- Prisma generates itself. Prisma Migrate neither sees nor drops CHECKs, functions or triggers.
--
-- Sections:
--   1. CHECK constraints
--   2. Append-only audit log (audit_logs, agent_assumptions)
--   3. Polymorphic clean-up (embeddings, entity_relationships)

-- =============================================================================================
-- 1. CHECK constraints
-- =============================================================================================

-- Identity ------------------------------------------------------------------------------------

ALTER TABLE users DROP CONSTRAINT IF EXISTS users_daily_generation_count_check;
ALTER TABLE users ADD CONSTRAINT users_daily_generation_count_check
  CHECK (daily_generation_count >= 0);

ALTER TABLE users DROP CONSTRAINT IF EXISTS users_years_of_experience_check;
ALTER TABLE users ADD CONSTRAINT users_years_of_experience_check
  CHECK (years_of_experience IS NULL OR years_of_experience >= 0);

-- A reset token that was used records when.
ALTER TABLE password_resets DROP CONSTRAINT IF EXISTS password_resets_used_at_check;
ALTER TABLE password_resets ADD CONSTRAINT password_resets_used_at_check
  CHECK (NOT used OR used_at IS NOT NULL);

-- Coaching ------------------------------------------------------------------------------------

ALTER TABLE ai_responses DROP CONSTRAINT IF EXISTS ai_responses_token_count_check;
ALTER TABLE ai_responses ADD CONSTRAINT ai_responses_token_count_check
  CHECK (token_count IS NULL OR token_count >= 0);

ALTER TABLE ai_responses DROP CONSTRAINT IF EXISTS ai_responses_prompt_tokens_check;
ALTER TABLE ai_responses ADD CONSTRAINT ai_responses_prompt_tokens_check
  CHECK (prompt_tokens IS NULL OR prompt_tokens >= 0);

ALTER TABLE ai_responses DROP CONSTRAINT IF EXISTS ai_responses_completion_tokens_check;
ALTER TABLE ai_responses ADD CONSTRAINT ai_responses_completion_tokens_check
  CHECK (completion_tokens IS NULL OR completion_tokens >= 0);

ALTER TABLE ai_responses DROP CONSTRAINT IF EXISTS ai_responses_max_tokens_check;
ALTER TABLE ai_responses ADD CONSTRAINT ai_responses_max_tokens_check
  CHECK (max_tokens IS NULL OR max_tokens >= 0);

ALTER TABLE ai_responses DROP CONSTRAINT IF EXISTS ai_responses_latency_check;
ALTER TABLE ai_responses ADD CONSTRAINT ai_responses_latency_check
  CHECK (latency IS NULL OR latency >= 0);

ALTER TABLE ai_responses DROP CONSTRAINT IF EXISTS ai_responses_cost_check;
ALTER TABLE ai_responses ADD CONSTRAINT ai_responses_cost_check
  CHECK (cost IS NULL OR cost >= 0);

ALTER TABLE ai_responses DROP CONSTRAINT IF EXISTS ai_responses_temperature_check;
ALTER TABLE ai_responses ADD CONSTRAINT ai_responses_temperature_check
  CHECK (temperature IS NULL OR temperature >= 0);

ALTER TABLE goals DROP CONSTRAINT IF EXISTS goals_progress_check;
ALTER TABLE goals ADD CONSTRAINT goals_progress_check
  CHECK (progress BETWEEN 0 AND 100);

-- A reminder schedule points at the row it reminds about.
ALTER TABLE reminder_schedules DROP CONSTRAINT IF EXISTS reminder_schedules_kind_check;
ALTER TABLE reminder_schedules ADD CONSTRAINT reminder_schedules_kind_check
  CHECK (
    (kind <> 'COMMITMENT_REMINDER' OR commitment_id IS NOT NULL)
    AND (kind <> 'DEADLINE_REMINDER' OR deadline_id IS NOT NULL)
  );

ALTER TABLE emotions DROP CONSTRAINT IF EXISTS emotions_intensity_check;
ALTER TABLE emotions ADD CONSTRAINT emotions_intensity_check
  CHECK (intensity BETWEEN 1 AND 10);

ALTER TABLE energy_metrics DROP CONSTRAINT IF EXISTS energy_metrics_level_check;
ALTER TABLE energy_metrics ADD CONSTRAINT energy_metrics_level_check
  CHECK (level BETWEEN 1 AND 10);

ALTER TABLE consistency_metrics DROP CONSTRAINT IF EXISTS consistency_metrics_score_check;
ALTER TABLE consistency_metrics ADD CONSTRAINT consistency_metrics_score_check
  CHECK (score BETWEEN 0 AND 100);

ALTER TABLE consistency_metrics DROP CONSTRAINT IF EXISTS consistency_metrics_window_days_check;
ALTER TABLE consistency_metrics ADD CONSTRAINT consistency_metrics_window_days_check
  CHECK (window_days > 0);

ALTER TABLE consistency_metrics DROP CONSTRAINT IF EXISTS consistency_metrics_period_check;
ALTER TABLE consistency_metrics ADD CONSTRAINT consistency_metrics_period_check
  CHECK (period_end > period_start);

ALTER TABLE reports DROP CONSTRAINT IF EXISTS reports_period_check;
ALTER TABLE reports ADD CONSTRAINT reports_period_check
  CHECK (period_end > period_start);

ALTER TABLE embeddings DROP CONSTRAINT IF EXISTS embeddings_chunk_index_check;
ALTER TABLE embeddings ADD CONSTRAINT embeddings_chunk_index_check
  CHECK (chunk_index >= 0);

ALTER TABLE embeddings DROP CONSTRAINT IF EXISTS embeddings_dimension_check;
ALTER TABLE embeddings ADD CONSTRAINT embeddings_dimension_check
  CHECK (dimension > 0);

-- SHA-256, lowercase hex.
ALTER TABLE embeddings DROP CONSTRAINT IF EXISTS embeddings_content_hash_check;
ALTER TABLE embeddings ADD CONSTRAINT embeddings_content_hash_check
  CHECK (content_hash ~ '^[0-9a-f]{64}$');

-- The typed links: set, and equal to owner_id, exactly when owner_kind names that table, so the
-- foreign key's cascade always removes the embeddings of a deleted message, insight or report.
ALTER TABLE embeddings DROP CONSTRAINT IF EXISTS embeddings_message_id_check;
ALTER TABLE embeddings ADD CONSTRAINT embeddings_message_id_check
  CHECK (CASE WHEN owner_kind = 'MESSAGE' THEN message_id IS NOT NULL AND message_id = owner_id
              ELSE message_id IS NULL END);

ALTER TABLE embeddings DROP CONSTRAINT IF EXISTS embeddings_insight_id_check;
ALTER TABLE embeddings ADD CONSTRAINT embeddings_insight_id_check
  CHECK (CASE WHEN owner_kind = 'INSIGHT' THEN insight_id IS NOT NULL AND insight_id = owner_id
              ELSE insight_id IS NULL END);

ALTER TABLE embeddings DROP CONSTRAINT IF EXISTS embeddings_report_id_check;
ALTER TABLE embeddings ADD CONSTRAINT embeddings_report_id_check
  CHECK (CASE WHEN owner_kind = 'REPORT' THEN report_id IS NOT NULL AND report_id = owner_id
              ELSE report_id IS NULL END);

-- Analysis sessions ---------------------------------------------------------------------------

-- OCR output is an array of { id, text, author } (the service validates the items).
ALTER TABLE analysis_sessions DROP CONSTRAINT IF EXISTS analysis_sessions_ocr_result_check;
ALTER TABLE analysis_sessions ADD CONSTRAINT analysis_sessions_ocr_result_check
  CHECK (ocr_result IS NULL OR jsonb_typeof(ocr_result) = 'array');

ALTER TABLE knowledge_chunks DROP CONSTRAINT IF EXISTS knowledge_chunks_phase_check;
ALTER TABLE knowledge_chunks ADD CONSTRAINT knowledge_chunks_phase_check
  CHECK (phase IS NULL OR phase >= 1);

-- Community -----------------------------------------------------------------------------------

ALTER TABLE posts DROP CONSTRAINT IF EXISTS posts_published_at_check;
ALTER TABLE posts ADD CONSTRAINT posts_published_at_check
  CHECK (status <> 'PUBLISHED' OR published_at IS NOT NULL);

-- Assistant context ---------------------------------------------------------------------------

ALTER TABLE persons DROP CONSTRAINT IF EXISTS persons_importance_check;
ALTER TABLE persons ADD CONSTRAINT persons_importance_check
  CHECK (importance BETWEEN 1 AND 10);

ALTER TABLE places DROP CONSTRAINT IF EXISTS places_latitude_check;
ALTER TABLE places ADD CONSTRAINT places_latitude_check
  CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90);

ALTER TABLE places DROP CONSTRAINT IF EXISTS places_longitude_check;
ALTER TABLE places ADD CONSTRAINT places_longitude_check
  CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180);

ALTER TABLE events DROP CONSTRAINT IF EXISTS events_ends_at_check;
ALTER TABLE events ADD CONSTRAINT events_ends_at_check
  CHECK (ends_at IS NULL OR ends_at >= starts_at);

ALTER TABLE tasks DROP CONSTRAINT IF EXISTS tasks_parent_id_check;
ALTER TABLE tasks ADD CONSTRAINT tasks_parent_id_check
  CHECK (parent_id IS NULL OR parent_id <> id);

ALTER TABLE tasks DROP CONSTRAINT IF EXISTS tasks_estimated_minutes_check;
ALTER TABLE tasks ADD CONSTRAINT tasks_estimated_minutes_check
  CHECK (estimated_minutes IS NULL OR estimated_minutes >= 0);

ALTER TABLE tasks DROP CONSTRAINT IF EXISTS tasks_actual_minutes_check;
ALTER TABLE tasks ADD CONSTRAINT tasks_actual_minutes_check
  CHECK (actual_minutes IS NULL OR actual_minutes >= 0);

ALTER TABLE deadlines DROP CONSTRAINT IF EXISTS deadlines_importance_check;
ALTER TABLE deadlines ADD CONSTRAINT deadlines_importance_check
  CHECK (importance BETWEEN 1 AND 10);

ALTER TABLE entity_relationships DROP CONSTRAINT IF EXISTS entity_relationships_strength_check;
ALTER TABLE entity_relationships ADD CONSTRAINT entity_relationships_strength_check
  CHECK (strength BETWEEN 1 AND 10);

-- An entity is not related to itself.
ALTER TABLE entity_relationships DROP CONSTRAINT IF EXISTS entity_relationships_target_check;
ALTER TABLE entity_relationships ADD CONSTRAINT entity_relationships_target_check
  CHECK (NOT (source_type = target_type AND source_id = target_id));

ALTER TABLE audit_logs DROP CONSTRAINT IF EXISTS audit_logs_confidence_check;
ALTER TABLE audit_logs ADD CONSTRAINT audit_logs_confidence_check
  CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 1);

ALTER TABLE audit_logs DROP CONSTRAINT IF EXISTS audit_logs_duration_ms_check;
ALTER TABLE audit_logs ADD CONSTRAINT audit_logs_duration_ms_check
  CHECK (duration_ms IS NULL OR duration_ms >= 0);

ALTER TABLE agent_assumptions DROP CONSTRAINT IF EXISTS agent_assumptions_confidence_check;
ALTER TABLE agent_assumptions ADD CONSTRAINT agent_assumptions_confidence_check
  CHECK (confidence BETWEEN 0 AND 1);

-- Channels ------------------------------------------------------------------------------------

-- A connection is active only once linked to a chat.
ALTER TABLE telegram_connections DROP CONSTRAINT IF EXISTS telegram_connections_is_active_check;
ALTER TABLE telegram_connections ADD CONSTRAINT telegram_connections_is_active_check
  CHECK (NOT is_active OR (telegram_chat_id IS NOT NULL AND connected_at IS NOT NULL));

ALTER TABLE proactive_messages DROP CONSTRAINT IF EXISTS proactive_messages_sent_at_check;
ALTER TABLE proactive_messages ADD CONSTRAINT proactive_messages_sent_at_check
  CHECK (status <> 'SENT' OR sent_at IS NOT NULL);

ALTER TABLE proactive_messages DROP CONSTRAINT IF EXISTS proactive_messages_attempts_check;
ALTER TABLE proactive_messages ADD CONSTRAINT proactive_messages_attempts_check
  CHECK (attempts >= 0);

-- =============================================================================================
-- 2. Append-only audit log
-- =============================================================================================
-- Refusals raise SQLSTATE 42501 (insufficient_privilege), the code PostgreSQL itself uses when a
-- row-level security policy refuses a change: the operation is not allowed for anyone.

-- audit_logs: no UPDATE, no TRUNCATE, and DELETE only once the owning user is gone (that is, as
-- part of the ON DELETE CASCADE from users).
CREATE OR REPLACE FUNCTION audit_logs_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM users WHERE id = OLD.user_id) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_logs is append-only'
    USING ERRCODE = '42501',
          DETAIL = format('%s refused on audit_logs', TG_OP),
          HINT = 'Audit entries are removed only by deleting their user.';
END;
$$;

DROP TRIGGER IF EXISTS audit_logs_append_only ON audit_logs;
CREATE TRIGGER audit_logs_append_only
  BEFORE UPDATE OR DELETE ON audit_logs
  FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only();

DROP TRIGGER IF EXISTS audit_logs_no_truncate ON audit_logs;
CREATE TRIGGER audit_logs_no_truncate
  BEFORE TRUNCATE ON audit_logs
  FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only();

-- agent_assumptions: only the verification fields (verified, verified_at, verified_by, correction)
-- may be updated; rows go only with their audit log entry (its cascade); no TRUNCATE.
CREATE OR REPLACE FUNCTION agent_assumptions_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF (NEW.id, NEW.audit_log_id, NEW.assumption, NEW.category, NEW.evidence, NEW.confidence, NEW.created_at)
       IS NOT DISTINCT FROM
       (OLD.id, OLD.audit_log_id, OLD.assumption, OLD.category, OLD.evidence, OLD.confidence, OLD.created_at)
    THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'agent_assumptions is append-only except its verification fields'
      USING ERRCODE = '42501',
            HINT = 'Only verified, verified_at, verified_by and correction may change.';
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM audit_logs WHERE id = OLD.audit_log_id) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'agent_assumptions is append-only'
    USING ERRCODE = '42501',
          DETAIL = format('%s refused on agent_assumptions', TG_OP),
          HINT = 'Assumptions are removed only with their audit log entry.';
END;
$$;

DROP TRIGGER IF EXISTS agent_assumptions_append_only ON agent_assumptions;
CREATE TRIGGER agent_assumptions_append_only
  BEFORE UPDATE OR DELETE ON agent_assumptions
  FOR EACH ROW EXECUTE FUNCTION agent_assumptions_append_only();

DROP TRIGGER IF EXISTS agent_assumptions_no_truncate ON agent_assumptions;
CREATE TRIGGER agent_assumptions_no_truncate
  BEFORE TRUNCATE ON agent_assumptions
  FOR EACH STATEMENT EXECUTE FUNCTION agent_assumptions_append_only();

-- =============================================================================================
-- 3. Polymorphic clean-up: nothing outlives its owner
-- =============================================================================================

-- embeddings.owner_kind/owner_id has no foreign key. MESSAGE, INSIGHT and REPORT embeddings go by
-- the cascading typed links (see the embeddings_*_id_check constraints); every other owner table
-- deletes its embeddings here. TG_ARGV[0] is the owner_kind of the table.
CREATE OR REPLACE FUNCTION delete_owned_embeddings() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM embeddings
   WHERE owner_kind = TG_ARGV[0]::embedding_owner_kind
     AND owner_id = OLD.id;
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS conversations_delete_embeddings ON conversations;
CREATE TRIGGER conversations_delete_embeddings
  AFTER DELETE ON conversations
  FOR EACH ROW EXECUTE FUNCTION delete_owned_embeddings('CONVERSATION');

DROP TRIGGER IF EXISTS goals_delete_embeddings ON goals;
CREATE TRIGGER goals_delete_embeddings
  AFTER DELETE ON goals
  FOR EACH ROW EXECUTE FUNCTION delete_owned_embeddings('GOAL');

DROP TRIGGER IF EXISTS commitments_delete_embeddings ON commitments;
CREATE TRIGGER commitments_delete_embeddings
  AFTER DELETE ON commitments
  FOR EACH ROW EXECUTE FUNCTION delete_owned_embeddings('COMMITMENT');

DROP TRIGGER IF EXISTS emotions_delete_embeddings ON emotions;
CREATE TRIGGER emotions_delete_embeddings
  AFTER DELETE ON emotions
  FOR EACH ROW EXECUTE FUNCTION delete_owned_embeddings('EMOTION');

DROP TRIGGER IF EXISTS energy_metrics_delete_embeddings ON energy_metrics;
CREATE TRIGGER energy_metrics_delete_embeddings
  AFTER DELETE ON energy_metrics
  FOR EACH ROW EXECUTE FUNCTION delete_owned_embeddings('ENERGY_METRIC');

DROP TRIGGER IF EXISTS user_contexts_delete_embeddings ON user_contexts;
CREATE TRIGGER user_contexts_delete_embeddings
  AFTER DELETE ON user_contexts
  FOR EACH ROW EXECUTE FUNCTION delete_owned_embeddings('USER_CONTEXT');

DROP TRIGGER IF EXISTS analysis_messages_delete_embeddings ON analysis_messages;
CREATE TRIGGER analysis_messages_delete_embeddings
  AFTER DELETE ON analysis_messages
  FOR EACH ROW EXECUTE FUNCTION delete_owned_embeddings('ANALYSIS_MESSAGE');

DROP TRIGGER IF EXISTS posts_delete_embeddings ON posts;
CREATE TRIGGER posts_delete_embeddings
  AFTER DELETE ON posts
  FOR EACH ROW EXECUTE FUNCTION delete_owned_embeddings('POST');

DROP TRIGGER IF EXISTS replies_delete_embeddings ON replies;
CREATE TRIGGER replies_delete_embeddings
  AFTER DELETE ON replies
  FOR EACH ROW EXECUTE FUNCTION delete_owned_embeddings('REPLY');

DROP TRIGGER IF EXISTS stories_delete_embeddings ON stories;
CREATE TRIGGER stories_delete_embeddings
  AFTER DELETE ON stories
  FOR EACH ROW EXECUTE FUNCTION delete_owned_embeddings('STORY');

DROP TRIGGER IF EXISTS persons_delete_embeddings ON persons;
CREATE TRIGGER persons_delete_embeddings
  AFTER DELETE ON persons
  FOR EACH ROW EXECUTE FUNCTION delete_owned_embeddings('PERSON');

DROP TRIGGER IF EXISTS places_delete_embeddings ON places;
CREATE TRIGGER places_delete_embeddings
  AFTER DELETE ON places
  FOR EACH ROW EXECUTE FUNCTION delete_owned_embeddings('PLACE');

DROP TRIGGER IF EXISTS events_delete_embeddings ON events;
CREATE TRIGGER events_delete_embeddings
  AFTER DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION delete_owned_embeddings('EVENT');

DROP TRIGGER IF EXISTS tasks_delete_embeddings ON tasks;
CREATE TRIGGER tasks_delete_embeddings
  AFTER DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION delete_owned_embeddings('TASK');

DROP TRIGGER IF EXISTS deadlines_delete_embeddings ON deadlines;
CREATE TRIGGER deadlines_delete_embeddings
  AFTER DELETE ON deadlines
  FOR EACH ROW EXECUTE FUNCTION delete_owned_embeddings('DEADLINE');

-- entity_relationships ends are (type, id) pairs without foreign keys; deleting one of the five
-- context entities deletes the relationships on either end. TG_ARGV[0] is the entity_type.
CREATE OR REPLACE FUNCTION delete_entity_relationships() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM entity_relationships
   WHERE (source_type = TG_ARGV[0]::entity_type AND source_id = OLD.id)
      OR (target_type = TG_ARGV[0]::entity_type AND target_id = OLD.id);
  RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS persons_delete_relationships ON persons;
CREATE TRIGGER persons_delete_relationships
  AFTER DELETE ON persons
  FOR EACH ROW EXECUTE FUNCTION delete_entity_relationships('PERSON');

DROP TRIGGER IF EXISTS places_delete_relationships ON places;
CREATE TRIGGER places_delete_relationships
  AFTER DELETE ON places
  FOR EACH ROW EXECUTE FUNCTION delete_entity_relationships('PLACE');

DROP TRIGGER IF EXISTS events_delete_relationships ON events;
CREATE TRIGGER events_delete_relationships
  AFTER DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION delete_entity_relationships('EVENT');

DROP TRIGGER IF EXISTS tasks_delete_relationships ON tasks;
CREATE TRIGGER tasks_delete_relationships
  AFTER DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION delete_entity_relationships('TASK');

DROP TRIGGER IF EXISTS deadlines_delete_relationships ON deadlines;
CREATE TRIGGER deadlines_delete_relationships
  AFTER DELETE ON deadlines
  FOR EACH ROW EXECUTE FUNCTION delete_entity_relationships('DEADLINE');

-- ============================================================================
-- Hand-written: HNSW indexes for cosine search.
-- Partial (WHERE embedding IS NOT NULL) on purpose: Prisma Migrate ignores partial indexes, so
-- `migrate dev` never drops them; searches repeat the predicate so the planner can use them.
-- ============================================================================
CREATE INDEX "embeddings_embedding_hnsw_idx" ON "embeddings" USING hnsw ("embedding" vector_cosine_ops) WHERE "embedding" IS NOT NULL;
CREATE INDEX "knowledge_chunks_embedding_hnsw_idx" ON "knowledge_chunks" USING hnsw ("embedding" vector_cosine_ops) WHERE "embedding" IS NOT NULL;
