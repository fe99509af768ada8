-- CreateTable
CREATE TABLE "embedding_halfvecs" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "owner_kind" "embedding_owner_kind" NOT NULL,
    "model" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "embedding" halfvec(1536) NOT NULL,

    CONSTRAINT "embedding_halfvecs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "embedding_halfvecs_user_id_id_idx" ON "embedding_halfvecs"("user_id", "id");

-- AddForeignKey
ALTER TABLE "embedding_halfvecs" ADD CONSTRAINT "embedding_halfvecs_id_fkey" FOREIGN KEY ("id") REFERENCES "embeddings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
