import { z } from "zod";

/**
 * Read an uploaded chat screenshot into the session's `ocrResult` for the user to verify.
 * The API queues it after storing the image; the worker moves the session to verifying_ocr, or to
 * error with a message for the user.
 */
export const ZOcrRecognizeJobSchema = z.object({
  userId: z.uuid(),
  analysisSessionId: z.uuid(),
  /** Key of the uploaded image in the configured storage: always `screenshots/<userId>/<sessionId>`. */
  storageKey: z.string().regex(/^screenshots\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/, "a screenshot key made by the API"),
});

/**
 * Periodic: queues `recognize` again for every screenshot session still in analysis whose job Redis no
 * longer holds (lost in a failover: Redis replicates asynchronously). The job id makes it a no-op otherwise.
 */
export const ZOcrSweepJobSchema = z.object({});

/**
 * A recognize job's id, shared by the API and the sweep: one per session and move into analysis,
 * named by the `lastActivity` that move wrote (a retry moves again, so it gets a new id).
 */
export const ocrJobId = (analysisSessionId: string, queuedAt: Date) => `ocr.${analysisSessionId}.${queuedAt.getTime()}`;

export const OCR_JOBS = { recognize: ZOcrRecognizeJobSchema, sweep: ZOcrSweepJobSchema } as const;
