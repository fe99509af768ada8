import { DocumentError } from "../services/documents/document-error.ts";
import { ingestDocument, markDocumentFailed } from "../services/documents/ingest.ts";
import { embedderFor } from "../services/embeddings/embedder.ts";
import type { TProcessor } from "./processor.ts";

const DEFAULT_ATTEMPTS = 5;

/**
 * Reads an uploaded document (PDF, Word, Markdown, text) into embedded chunks, with progress on the row.
 * What retrying cannot fix (a damaged or password-protected file, no text, too much text, the upload gone)
 * fails the document at once with a message the user can read; passing trouble (storage, database, the
 * embedding model) is retried by BullMQ, and only the last attempt gives up, so no document stays pending.
 */
export const processDocumentIngest: TProcessor<"documents", "ingest"> = async (job, { db, storage, ai, log }) => {
  const { userId, documentId } = job.data;
  const target = { db, storage, userId, documentId };
  try {
    const result = await ingestDocument({
      ...target,
      embedder: embedderFor(ai),
      onProgress: (progress) => void job.updateProgress(progress),
    });
    log.info("document ingested", { documentId, ...result });
    return result;
  } catch (error) {
    if (error instanceof DocumentError) {
      await markDocumentFailed(target, error.message);
      log.warn("document failed", {
        documentId,
        error: error.message,
        ...(error.cause instanceof Error ? { detail: error.cause.message } : {}),
      });
      return { failed: error.message };
    }
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? DEFAULT_ATTEMPTS);
    if (lastAttempt)
      await markDocumentFailed(
        target,
        "The document could not be processed because a service was unavailable. Delete it and upload it again.",
      ).catch(() => undefined);
    throw error;
  }
};
