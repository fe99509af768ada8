-- CreateEnum
CREATE TYPE "ai_model_kind" AS ENUM ('CHAT', 'EMBEDDING');

-- CreateTable
CREATE TABLE "ai_models" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "kind" "ai_model_kind" NOT NULL,
    "display_name" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "context_window" INTEGER,
    "input_price" DECIMAL(12,6) NOT NULL,
    "output_price" DECIMAL(12,6) NOT NULL DEFAULT 0,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ai_models_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ai_models_name_key" ON "ai_models"("name");

-- Hand-written (Prisma neither sees nor drops CHECK constraints): prices are never negative, a
-- context window is a positive number of tokens, and a name is the provider's, without padding.
ALTER TABLE "ai_models"
  ADD CONSTRAINT "ai_models_prices_check" CHECK (input_price >= 0 AND output_price >= 0),
  ADD CONSTRAINT "ai_models_context_window_check" CHECK (context_window IS NULL OR context_window > 0),
  ADD CONSTRAINT "ai_models_name_check" CHECK (name <> '' AND name = btrim(name));
