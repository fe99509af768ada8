import { isStorageError } from "@cto/storage/errors";
import { sniffImage } from "@cto/storage/image";

import { bubblesToItems } from "../services/ocr/bubbles.ts";
import { OcrError } from "../services/ocr/recognizer.ts";
import { markOcrFailed, storeOcrResult } from "../services/ocr/session.ts";
import type { TProcessor } from "./processor.ts";

const DEFAULT_ATTEMPTS = 5;

/**
 * Reads an uploaded chat screenshot into the session's ocrResult and moves it to verifying_ocr.
 * What retrying cannot fix (no text, not an image, the upload gone) fails the session at once with
 * a message the user can read; passing trouble (storage or database down) is retried by BullMQ,
 * and only the last attempt gives up on the session.
 */
export const processOcrRecognize: TProcessor<"ocr", "recognize"> = async (job, { db, storage, ocr, log }) => {
  const { userId, analysisSessionId, storageKey } = job.data;
  const startedAt = new Date();
  const session = await db.analysisSession.findFirst({
    where: { id: analysisSessionId, userId },
    select: { status: true, type: true },
  });
  // Already done, retried by the user meanwhile, trashed or deleted: nothing left to do.
  if (session?.status !== "ANALYSIS_IN_PROGRESS" || session.type !== "SCREENSHOT") {
    log.info("ocr skipped", { analysisSessionId, status: session?.status ?? "missing" });
    return { skipped: true };
  }
  const fail = (message: string, detail?: string) =>
    markOcrFailed({ db, userId, analysisSessionId, message, startedAt, ...(detail ? { detail } : {}) });

  try {
    // The key is the API's, but a payload that names another user's object is refused, not read.
    if (!storageKey.startsWith(`screenshots/${userId}/`))
      throw new OcrError("The screenshot of this session could not be found; upload it again.");
    const { body } = await storage.get(storageKey).catch((error: unknown) => {
      if (isStorageError(error, "not_found"))
        throw new OcrError("The uploaded screenshot is no longer stored; upload it again.", { cause: error });
      throw error;
    });
    const image = sniffImage(body);
    if (!image) throw new OcrError("The stored file is not a PNG, JPEG or WebP image; upload the screenshot again.");
    const items = bubblesToItems(await ocr.recognize(body), image.width);
    if (!items.length)
      throw new OcrError(
        "No chat text was found in the screenshot. Try a sharper screenshot that shows the messages, or type the conversation in.",
      );
    const stored = await storeOcrResult({ db, userId, analysisSessionId, items, startedAt });
    log.info("ocr recognised", { analysisSessionId, items: items.length, stored });
    return { items: items.length, stored };
  } catch (error) {
    if (error instanceof OcrError) {
      await fail(error.message, error.cause instanceof Error ? error.cause.message : undefined);
      log.warn("ocr failed", { analysisSessionId, error: error.message });
      return { failed: error.message };
    }
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? DEFAULT_ATTEMPTS);
    if (lastAttempt)
      await fail(
        "The screenshot could not be read because a service was unavailable; retry the analysis.",
        (error as Error).message,
      ).catch(() => undefined);
    throw error;
  }
};
