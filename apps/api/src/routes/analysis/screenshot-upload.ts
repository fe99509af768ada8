import type { Context } from "hono";

import { sniffImage } from "@cto/storage/image";

import type { AppEnv } from "../../context.ts";
import { ApiError } from "../../errors.ts";
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
  if (!/^multipart\/form-data\b/i.test(c.req.header("content-type") ?? ""))
    throw new ApiError(
      "unsupported_media_type",
      `Send the screenshot as multipart/form-data, the image in a part named "${SCREENSHOT_FIELD}".`,
    );
  let form: FormData;
  try {
    form = await c.req.raw.formData();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // The body limit fires while the multipart stream is read; anything else is a malformed body.
    if (
      error instanceof Error &&
      /too large|payload/i.test(`${error.message} ${String((error as { cause?: unknown }).cause)}`)
    )
      throw new ApiError("payload_too_large", `The screenshot is larger than ${maxBytes} bytes.`);
    throw new ApiError("bad_request", "The multipart body could not be read.");
  }
  const file = form.get(SCREENSHOT_FIELD);
  if (!(file instanceof File))
    throw new ApiError("validation_failed", "The request has no screenshot file.", [
      { path: SCREENSHOT_FIELD, message: "a file is required" },
    ]);
  if (file.size > maxBytes) throw new ApiError("payload_too_large", `The screenshot is larger than ${maxBytes} bytes.`);
  if (file.size === 0)
    throw new ApiError("validation_failed", "The screenshot file is empty.", [
      { path: SCREENSHOT_FIELD, message: "empty file" },
    ]);
  const bytes = new Uint8Array(await file.arrayBuffer());
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
