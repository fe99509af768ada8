-- The user's own documents (issue 17 §4): uploaded files whose text is cut into chunks, each chunk an
-- embedding owner of kind DOCUMENT_CHUNK, so search and chat find them like any other memory.

-- AlterEnum (the new value is only named as text below, so using it in this transaction is not needed)
ALTER TYPE "embedding_owner_kind" ADD VALUE 'DOCUMENT_CHUNK';

-- CreateEnum
CREATE TYPE "document_kind" AS ENUM ('PDF', 'DOCX', 'MARKDOWN', 'TEXT');

-- CreateEnum
CREATE TYPE "document_status" AS ENUM ('PENDING', 'PROCESSING', 'READY', 'FAILED');

-- CreateTable
CREATE TABLE "documents" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "filename" VARCHAR(255) NOT NULL,
    "kind" "document_kind" NOT NULL,
    "mime_type" VARCHAR(100) NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "status" "document_status" NOT NULL DEFAULT 'PENDING',
    "error_message" TEXT,
    "page_count" INTEGER,
    "chunk_count" INTEGER NOT NULL DEFAULT 0,
    "embedded_chunks" INTEGER NOT NULL DEFAULT 0,
    "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_chunks" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "document_id" UUID NOT NULL,
    "chunk_index" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "page" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_chunks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "documents_user_id_created_at_idx" ON "documents"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "document_chunks_document_id_chunk_index_key" ON "document_chunks"("document_id", "chunk_index");

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_chunks" ADD CONSTRAINT "document_chunks_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A chunk's embeddings go with it (embeddings.owner_id has no foreign key), whether the chunk is deleted
-- itself or by the cascade from its document or its user: nothing derived from a document outlives it.
DROP TRIGGER IF EXISTS document_chunks_delete_embeddings ON document_chunks;
CREATE TRIGGER document_chunks_delete_embeddings
  AFTER DELETE ON document_chunks
  FOR EACH ROW EXECUTE FUNCTION delete_owned_embeddings('DOCUMENT_CHUNK');

-- documents/sweep (every minute) looks for documents still waiting for the worker whose job a Redis failover
-- may have lost: a partial index on those few rows, so it never reads the whole table.
CREATE INDEX "documents_unfinished_idx" ON "documents" ("queued_at") WHERE "status" IN ('PENDING', 'PROCESSING');
