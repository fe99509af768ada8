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

export const OCR_JOBS = { recognize: ZOcrRecognizeJobSchema } as const;
