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
