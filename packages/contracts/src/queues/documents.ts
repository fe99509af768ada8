import { z } from "zod";

/**
 * Read one uploaded document (from storage, `documents/<userId>/<documentId>`), cut its text into chunks
 * and embed them, counting progress on the row; ends READY, or FAILED with a reason for the user.
 */
export const ZDocumentIngestJobSchema = z.object({ userId: z.uuid(), documentId: z.uuid() });

/**
 * Periodic: queues `ingest` again for every document still pending or processing whose job Redis no longer
 * holds (lost in a failover). The job id makes it a no-op otherwise.
 */
export const ZDocumentSweepJobSchema = z.object({});

/** Where the upload waits for the worker, made from ids the server chose; the worker deletes it once read. */
export const documentStorageKey = (userId: string, documentId: string) => `documents/${userId}/${documentId}`;

/** An ingest job's id, shared by the API and the sweep: one per document and time it was queued. */
export const documentJobId = (documentId: string, queuedAt: Date) => `document.${documentId}.${queuedAt.getTime()}`;

export const DOCUMENT_JOBS = { ingest: ZDocumentIngestJobSchema, sweep: ZDocumentSweepJobSchema } as const;
