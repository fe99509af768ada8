import { MAX_DOCUMENTS_PER_USER, type TDocument, type TDocumentDetail } from "@cto/contracts/api/documents";
import type { TPageQuery } from "@cto/contracts/pagination";
import { documentJobId, documentStorageKey } from "@cto/contracts/queues";
import type { Document, DocumentKind } from "@cto/db/client";
import type { TStorage } from "@cto/storage/storage";

import { ApiError } from "../errors.ts";
import { readPage } from "../lib/pagination.ts";
import { log } from "../log.ts";
import type { TDeps } from "./deps.ts";

/** An uploaded document the route has read and checked (routes/documents-upload.ts). */
export type TDocumentUpload = { bytes: Uint8Array; filename: string; kind: DocumentKind; mimeType: string };

// The list never reads chunk text; the detail adds it.
const FIELDS = {
  id: true,
  filename: true,
  kind: true,
  mimeType: true,
  sizeBytes: true,
  status: true,
  errorMessage: true,
  pageCount: true,
  chunkCount: true,
  embeddedChunks: true,
  createdAt: true,
  updatedAt: true,
} as const;
type TRow = Pick<Document, keyof typeof FIELDS>;

export const serializeDocument = (row: TRow): TDocument => ({
  ...row,
  kind: row.kind.toLowerCase() as TDocument["kind"],
  status: row.status.toLowerCase() as TDocument["status"],
  createdAt: row.createdAt.getTime(),
  updatedAt: row.updatedAt.getTime(),
});

/** The user's documents, newest first, a page at a time. */
export const listDocuments = async ({ db }: TDeps, userId: string, query: TPageQuery) => {
  const page = await readPage(query, {
    listed: (id) => db.document.findFirst({ where: { id, userId }, select: { id: true } }),
    read: (window) =>
      db.document.findMany({
        where: { userId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: FIELDS,
        ...window,
      }),
  });
  return { ...page, items: page.items.map(serializeDocument) };
};

const notFound = () => new ApiError("not_found", "No such document.");

/** One of the user's documents with its chunks in order; another user's is not found (404), like a missing one. */
export const readDocument = async ({ db }: TDeps, userId: string, id: string): Promise<TDocumentDetail> => {
  const row = await db.document.findFirst({
    where: { id, userId },
    select: {
      ...FIELDS,
      chunks: { orderBy: { chunkIndex: "asc" }, select: { id: true, chunkIndex: true, page: true, content: true } },
    },
  });
  if (!row) throw notFound();
  return { ...serializeDocument(row), chunks: row.chunks };
};

const deleteFile = (storage: TStorage, key: string) =>
  storage.delete(key).catch((error: unknown) => log.warn({ err: error, key }, "could not delete an uploaded document"));

/**
 * Records the document (PENDING), stores the file, then queues its ingest job. Storage failing answers 503
 * and leaves no row behind; the queue failing (or no Redis) loses nothing: the row is the truth, and the
 * worker's documents/sweep queues it within about two minutes under the same job id.
 */
export const acceptDocument = async (
  { db, storage, queues, logger = log }: TDeps & { storage: TStorage },
  userId: string,
  upload: TDocumentUpload,
) => {
  const kept = await db.document.count({ where: { userId } });
  if (kept >= MAX_DOCUMENTS_PER_USER)
    throw new ApiError(
      "invalid_state",
      `You keep ${kept} documents, the most there can be; delete one before uploading another.`,
    );
  const row = await db.document.create({
    data: {
      userId,
      filename: upload.filename,
      kind: upload.kind,
      mimeType: upload.mimeType,
      sizeBytes: upload.bytes.byteLength,
    },
    select: { ...FIELDS, queuedAt: true },
  });
  const key = documentStorageKey(userId, row.id);
  try {
    await storage.put(key, upload.bytes, { contentType: upload.mimeType });
  } catch {
    await db.document.delete({ where: { id: row.id } });
    throw new ApiError("service_unavailable", "The document could not be stored; nothing was kept. Try again shortly.");
  }
  if (queues)
    await queues
      .enqueue("documents", "ingest", { userId, documentId: row.id }, { jobId: documentJobId(row.id, row.queuedAt) })
      .catch((error: unknown) =>
        logger.warn({ err: error, documentId: row.id }, "document job not enqueued; the worker's sweep queues it"),
      );
  return serializeDocument(row);
};

/**
 * Deletes the document and everything made from it: its chunks (cascade), their embeddings (trigger), and
 * the upload if the worker has not read it yet. A job still running finds the row gone and stops.
 */
export const deleteDocument = async ({ db, storage }: TDeps & { storage: TStorage }, userId: string, id: string) => {
  const { count } = await db.document.deleteMany({ where: { id, userId } });
  if (!count) throw notFound();
  await deleteFile(storage, documentStorageKey(userId, id));
};
