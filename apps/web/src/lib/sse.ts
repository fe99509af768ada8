export type TSseEvent = { event: string; data: string; id?: string };

/**
 * Parses a server-sent-events body (the WHATWG event-stream format) into events, as they arrive.
 * EventSource cannot POST, so the chat reads `fetch`'s ReadableStream with this instead.
 * Handles LF, CRLF and CR line ends, multi-line `data:`, comments and chunks split anywhere.
 */
export async function* parseSse(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<TSseEvent> {
  const reader = body.getReader();
  // stream: true keeps a multi-byte character split across chunks whole.
  const decoder = new TextDecoder();
  let buffer = "";
  let event = "";
  let data: string[] = [];
  let id: string | undefined;
  const dispatch = (): TSseEvent | null => {
    if (!data.length) {
      event = "";
      return null;
    }
    const ready: TSseEvent = { event: event || "message", data: data.join("\n"), ...(id === undefined ? {} : { id }) };
    event = "";
    data = [];
    return ready;
  };
  try {
    while (true) {
      if (signal?.aborted) return;
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      // A trailing CR may be the first half of a CRLF: keep it until the next chunk decides.
      const lines = buffer.split(/\r\n|\r(?!$)|\n/);
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (line === "") {
          const ready = dispatch();
          if (ready) yield ready;
          continue;
        }
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? "" : line.slice(colon + 1);
        if (value.startsWith(" ")) value = value.slice(1);
        if (field === "event") event = value;
        else if (field === "data") data.push(value);
        else if (field === "id") id = value;
      }
    }
    // A stream that ends without the final blank line still delivers its last event.
    if (buffer.replace(/\r$/, "") !== "") {
      const line = buffer.replace(/\r$/, "");
      if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      else if (line.startsWith("event:")) event = line.slice(6).replace(/^ /, "");
    }
    const last = dispatch();
    if (last) yield last;
  } finally {
    reader.releaseLock();
  }
}
