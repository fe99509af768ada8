import { ApiError } from "../errors.ts";

/** A request body's chunks as they arrive (none for an empty body), for the routes that read a body as it streams. */
export async function* chunksOf(body: ReadableStream<Uint8Array> | null) {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) yield read.value;
  } finally {
    reader.releaseLock();
  }
}

/**
 * The body of an import, read as it streams: one that declares more than `maxBytes` is refused at once
 * (413); the import counts the bytes of one that declares nothing, or less than it sends.
 */
export const importBody = (request: Request, maxBytes: number) => {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes)
    throw new ApiError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`);
  return chunksOf(request.body);
};

/** What an upload route calls its file in its refusals. */
export type TUploadWording = {
  /** The form part the file travels in. */
  field: string;
  /** 415 for a body that is not multipart. */
  notMultipart: string;
  /** 400 for a form without the file. */
  missing: string;
  /** 400 for an empty file. */
  empty: string;
  /** 413 for a file (or a body) over the limit. */
  tooLarge: string;
};

/**
 * The one file of a multipart upload, checked before anything is stored: multipart/form-data (else 415)
 * with a file in `wording.field` (else 400), at most `maxBytes` (else 413; the route's body limit may
 * fire first, while the form is read) and not empty (400). What the bytes must be is the route's to check.
 */
export const readUploadedFile = async (request: Request, maxBytes: number, wording: TUploadWording) => {
  if (!/^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? ""))
    throw new ApiError("unsupported_media_type", wording.notMultipart);
  let form: FormData;
  try {
    form = await request.formData();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // The body limit fires while the multipart stream is read; anything else is a malformed body.
    if (
      error instanceof Error &&
      /too large|payload/i.test(`${error.message} ${String((error as { cause?: unknown }).cause)}`)
    )
      throw new ApiError("payload_too_large", wording.tooLarge);
    throw new ApiError("bad_request", "The multipart body could not be read.");
  }
  const file = form.get(wording.field);
  if (!(file instanceof File))
    throw new ApiError("validation_failed", wording.missing, [{ path: wording.field, message: "a file is required" }]);
  if (file.size > maxBytes) throw new ApiError("payload_too_large", wording.tooLarge);
  if (file.size === 0)
    throw new ApiError("validation_failed", wording.empty, [{ path: wording.field, message: "empty file" }]);
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
};
