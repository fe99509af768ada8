import { documentStorageKey } from "@cto/contracts/queues";
import { embedOwners, type TEmbedder } from "@cto/core/embeddings";
import type { Db } from "@cto/db/client";
import type { TStorage } from "@cto/storage/storage";
import { isStorageError } from "@cto/storage/errors";

import { DocumentError } from "./document-error.ts";
import { chunkDocument, parseDocument } from "./parse.ts";

// Chunks per model call: a progress step of a few seconds with a remote model.
const EMBED_BATCH = 16;

type TIngest = {
  db: Db;
  storage: TStorage;
  embedder: TEmbedder;
  userId: string;
  documentId: string;
  onProgress?: (progress: { embedded: number; total: number }) => void;
};

const UNFINISHED = { in: ["PENDING" as const, "PROCESSING" as const] };

/** Its chunks are gone (their embeddings with them, by trigger) and the user reads why; the upload is no longer needed. */
export const markDocumentFailed = async (
  { db, storage, userId, documentId }: Pick<TIngest, "db" | "storage" | "userId" | "documentId">,
  message: string,
) => {
  const failed = await db.$transaction(async (tx) => {
    const { count } = await tx.document.updateMany({
      where: { id: documentId, userId, status: UNFINISHED },
      data: { status: "FAILED", errorMessage: message, embeddedChunks: 0 },
    });
    if (count) await tx.documentChunk.deleteMany({ where: { documentId } });
    return count > 0;
  });
  await storage.delete(documentStorageKey(userId, documentId)).catch(() => undefined);
  return failed;
};

/**
 * Reads an uploaded document, stores its text as chunks and embeds them batch by batch, counting the
 * progress on the row; READY at the end, and the upload deleted. Each step is conditional on the row
 * still waiting, so a document deleted meanwhile (its chunks cascade) or a job run twice changes nothing.
 * A file that cannot be read throws `DocumentError`; anything else (storage, database, model) is passing.
 */
export const ingestDocument = async ({ db, storage, embedder, userId, documentId, onProgress }: TIngest) => {
  const document = await db.document.findFirst({
    where: { id: documentId, userId },
    select: { status: true, kind: true },
  });
  if (!document || (document.status !== "PENDING" && document.status !== "PROCESSING"))
    return { skipped: document?.status ?? "missing" };
  await db.document.updateMany({ where: { id: documentId, status: UNFINISHED }, data: { status: "PROCESSING" } });

  const { body } = await storage.get(documentStorageKey(userId, documentId)).catch((error: unknown) => {
    if (isStorageError(error, "not_found"))
      throw new DocumentError("The uploaded file is no longer stored; upload it again.", { cause: error });
    throw error;
  });
  const parsed = await parseDocument(document.kind, body);
  const chunks = chunkDocument(parsed, document.kind);

  // A retry writes the chunks again from the same file: the same text, so the embeddings are reused by content hash.
  const ids = await db.$transaction(async (tx) => {
    const { count } = await tx.document.updateMany({
      where: { id: documentId, status: "PROCESSING" },
      data: { chunkCount: chunks.length, embeddedChunks: 0, pageCount: parsed.pageCount },
    });
    if (!count) return null;
    await tx.documentChunk.deleteMany({ where: { documentId } });
    await tx.documentChunk.createMany({ data: chunks.map((chunk) => ({ ...chunk, documentId })) });
    return (
      await tx.documentChunk.findMany({ where: { documentId }, orderBy: { chunkIndex: "asc" }, select: { id: true } })
    ).map((row) => row.id);
  });
  if (!ids) return { skipped: "changed" };

  let embedded = 0;
  for (let offset = 0; offset < ids.length; offset += EMBED_BATCH) {
    const batch = ids.slice(offset, offset + EMBED_BATCH);
    await embedOwners(
      db,
      embedder,
      batch.map((ownerId) => ({ ownerKind: "DOCUMENT_CHUNK" as const, ownerId })),
    );
    embedded += batch.length;
    const { count } = await db.document.updateMany({
      where: { id: documentId, status: "PROCESSING" },
      data: { embeddedChunks: embedded },
    });
    if (!count) return { skipped: "deleted" };
    onProgress?.({ embedded, total: ids.length });
  }
  const { count } = await db.document.updateMany({
    where: { id: documentId, status: "PROCESSING" },
    data: { status: "READY", errorMessage: null },
  });
  await storage.delete(documentStorageKey(userId, documentId)).catch(() => undefined);
  return { ready: count > 0, chunks: ids.length, pages: parsed.pageCount };
};
