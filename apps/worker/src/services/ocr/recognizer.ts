import { createRequire } from "node:module";

import { createWorker, type Worker } from "tesseract.js";

import type { TOcrLine } from "./bubbles.ts";

const require = createRequire(import.meta.url);
/** The English model shipped in @tesseract.js-data/eng: read from disk, never downloaded at run time. */
const ENGLISH = require("@tesseract.js-data/eng") as { code: string; gzip: boolean; langPath: string };

/** Tesseract says why it failed; these are the words a user reads on the session. */
export class OcrError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "OcrError";
  }
}

export type TOcrRecognizer = {
  /** The recognised lines with their bounding boxes, top to bottom. */
  recognize: (image: Uint8Array) => Promise<TOcrLine[]>;
  /** Ends the Tesseract worker thread, if one was started; safe to call twice. */
  terminate: () => Promise<void>;
};

/**
 * One Tesseract worker for the whole process, created on the first image (loading the model takes
 * a couple of seconds, so it is not paid per job and not at all by workers that never OCR). A
 * failed start is forgotten, so the next job tries again instead of inheriting a broken worker.
 */
export const createOcrRecognizer = ({ cachePath }: { cachePath: string }): TOcrRecognizer => {
  let worker: Promise<Worker> | undefined;
  const start = () => {
    worker ??= createWorker(ENGLISH.code, 1, { langPath: ENGLISH.langPath, gzip: ENGLISH.gzip, cachePath }).catch(
      (error: unknown) => {
        worker = undefined;
        // Not the screenshot's fault (a missing model file, no memory): retried like any passing failure.
        throw new Error(`Tesseract could not start: ${(error as Error).message}`, { cause: error });
      },
    );
    return worker;
  };

  return {
    recognize: async (image) => {
      const tesseract = await start();
      let page: Awaited<ReturnType<typeof tesseract.recognize>>["data"];
      try {
        ({ data: page } = await tesseract.recognize(Buffer.from(image), {}, { blocks: true, text: false }));
      } catch (error) {
        throw new OcrError(
          "The screenshot could not be read as an image; upload a PNG, JPEG or WebP screenshot of the chat.",
          { cause: error },
        );
      }
      const lines = (page.blocks ?? []).flatMap((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines));
      return lines.map((line) => ({
        text: line.text.trim(),
        confidence: line.confidence,
        bbox: line.bbox,
        rowHeight: line.rowAttributes?.rowHeight ?? line.bbox.y1 - line.bbox.y0,
      }));
    },
    terminate: async () => {
      const running = worker;
      worker = undefined;
      if (running) await (await running.catch(() => undefined))?.terminate();
    },
  };
};
