import type { Context } from "hono";

import { sniffImage } from "@cto/storage/image";

import type { AppEnv } from "../../context.ts";
import { ApiError } from "../../errors.ts";
import { readUploadedFile } from "../../lib/request-body.ts";
import type { TScreenshotUpload } from "../../services/analysis/screenshot.ts";

/** The form field the screenshot travels in. */
export const SCREENSHOT_FIELD = "file";
// Tesseract's memory grows with the pixel count; a taller "screenshot" than this is not a phone screen.
const MAX_SIDE_PX = 12_000;

/**
 * The uploaded screenshot, checked before anything is stored: multipart/form-data (else 415) with
 * one file in `file` (else 400), at most `maxBytes` (else 413), and really a PNG, JPEG or WebP by
 * its magic bytes whatever its part's Content-Type says (else 415).
 */
export const readScreenshotUpload = async (c: Context<AppEnv>, maxBytes: number): Promise<TScreenshotUpload> => {
  const { bytes } = await readUploadedFile(c.req.raw, maxBytes, {
    field: SCREENSHOT_FIELD,
    notMultipart: `Send the screenshot as multipart/form-data, the image in a part named "${SCREENSHOT_FIELD}".`,
    missing: "The request has no screenshot file.",
    empty: "The screenshot file is empty.",
    tooLarge: `The screenshot is larger than ${maxBytes} bytes.`,
  });
  const image = sniffImage(bytes);
  if (!image)
    throw new ApiError(
      "unsupported_media_type",
      "Only PNG, JPEG and WebP screenshots are accepted, and this file is none of them.",
    );
  if (image.width > MAX_SIDE_PX || image.height > MAX_SIDE_PX)
    throw new ApiError(
      "payload_too_large",
      `The screenshot is ${image.width}×${image.height} pixels; at most ${MAX_SIDE_PX} on each side.`,
    );
  return { bytes, image };
};
