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
