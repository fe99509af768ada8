import { z } from "zod";

/** Read the text of an uploaded chat screenshot into the session's `ocrResult` for the user to verify. */
export const ZOcrRecognizeJobSchema = z.object({
  userId: z.uuid(),
  analysisSessionId: z.uuid(),
  /** Key of the uploaded image in the configured storage. */
  storageKey: z.string().min(1),
});

export const OCR_JOBS = { recognize: ZOcrRecognizeJobSchema } as const;
