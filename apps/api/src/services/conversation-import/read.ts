import { JSONParser } from "@streamparser/json";
import { Unzip, UnzipInflate } from "fflate";

/**
 * Reads `conversations.json` of a data export as it arrives, one conversation at a time: the upload is
 * that file itself or the export's whole ZIP, which is unzipped as it streams (only the entry named
 * `conversations.json` is inflated). Neither the body nor the JSON is ever held whole; both are
 * counted against the same limit, so a ZIP that inflates past it is refused like a large body.
 */

/** The upload is not readable as an export: nothing after this point can be read. */
export class ExportSyntaxError extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}
/** The body, or the JSON inflated from it, grew past its limit. */
export class ExportTooLargeError extends Error {}

export const CONVERSATIONS_FILE = "conversations.json";
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const OPEN_BRACKET = 0x5b;

type TElement = { index: number; value: unknown };

/** Feeds JSON bytes to a streaming parser that emits each element of the top-level array. */
class ElementReader {
  private readonly parser = new JSONParser({ paths: ["$.*"], keepStack: false });
  private readonly ready: TElement[] = [];
  private index = 0;
  private bytes = 0;
  private started = false;
  private failure: Error | null = null;

  constructor(private readonly maxBytes: number) {
    this.parser.onValue = ({ value }) => {
      this.ready.push({ index: this.index++, value });
    };
    this.parser.onError = (error) => {
      this.failure ??= error;
    };
  }

  write(chunk: Uint8Array) {
    if (this.failure) return;
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      this.failure = new ExportTooLargeError(`${CONVERSATIONS_FILE} is larger than ${this.maxBytes} bytes.`);
      return;
    }
    let body = chunk;
    if (!this.started) {
      body = this.skipLead(chunk);
      if (!body.length || this.failure) return;
    }
    this.parser.write(body);
  }

  /** The first bytes must open an array (after an optional byte-order mark and whitespace). */
  private skipLead(chunk: Uint8Array) {
    let at = 0;
    if (this.bytes === chunk.length && UTF8_BOM.every((byte, position) => chunk[position] === byte)) at = 3;
    while (at < chunk.length && WHITESPACE.has(chunk[at] ?? 0)) at++;
    if (at === chunk.length) return chunk.subarray(at);
    this.started = true;
    if (chunk[at] !== OPEN_BRACKET)
      this.failure = new ExportSyntaxError(
        [],
        `${CONVERSATIONS_FILE} must be an array of conversations, as ChatGPT and Claude export it.`,
      );
    return chunk.subarray(at);
  }

  end() {
    if (!this.failure && !this.started)
      this.failure = new ExportSyntaxError([], `${CONVERSATIONS_FILE} is empty; it must be an array of conversations.`);
    if (this.failure || this.parser.isEnded) return;
    try {
      this.parser.end();
    } catch (error) {
      this.failure = error as Error;
    }
  }

  /** The elements parsed so far; then the failure, if the body has failed. */
  *drain() {
    while (this.ready.length) yield this.ready.shift() as TElement;
    if (this.failure instanceof ExportTooLargeError) throw this.failure;
    if (this.failure instanceof ExportSyntaxError) throw this.failure;
    if (this.failure)
      throw new ExportSyntaxError(
        [this.index],
        `${CONVERSATIONS_FILE} is not valid JSON at or after conversation ${this.index}: ${this.failure.message}`,
      );
  }
}

const isZip = (chunk: Uint8Array) => ZIP_MAGIC.every((byte, position) => chunk[position] === byte);
const baseName = (name: string) => name.slice(name.lastIndexOf("/") + 1);

/** The elements of `conversations.json`, from the file itself or from the export's ZIP. */
export async function* exportConversations(
  body: AsyncIterable<Uint8Array>,
  { maxBytes }: { maxBytes: number },
): AsyncGenerator<TElement> {
  const json = new ElementReader(maxBytes);
  let bodyBytes = 0;
  let unzip: Unzip | null = null;
  let zipFailure: Error | null = null;
  let foundEntry = false;
  let head: Uint8Array | null = new Uint8Array(0);

  const openZip = () => {
    const reader = new Unzip((file) => {
      if (foundEntry || baseName(file.name) !== CONVERSATIONS_FILE) return;
      foundEntry = true;
      file.ondata = (error, data, final) => {
        if (error) zipFailure ??= error;
        else {
          json.write(data);
          if (final) json.end();
        }
      };
      try {
        file.start();
      } catch (error) {
        zipFailure ??= error as Error;
      }
    });
    reader.register(UnzipInflate);
    return reader;
  };
  const push = (chunk: Uint8Array, final: boolean) => {
    if (!unzip) {
      json.write(chunk);
      if (final) json.end();
      return;
    }
    try {
      unzip.push(chunk, final);
    } catch (error) {
      zipFailure ??= error as Error;
    }
    if (zipFailure) throw new ExportSyntaxError([], `The ZIP file cannot be read: ${zipFailure.message}`);
    if (final && !foundEntry) throw new ExportSyntaxError([], `The ZIP file holds no ${CONVERSATIONS_FILE}.`);
  };

  for await (const chunk of body) {
    bodyBytes += chunk.length;
    if (bodyBytes > maxBytes) throw new ExportTooLargeError(`The request body is larger than ${maxBytes} bytes.`);
    // The first four bytes tell a ZIP from JSON; they may arrive split over chunks.
    if (head) {
      const joined: Uint8Array = new Uint8Array(head.length + chunk.length);
      joined.set(head);
      joined.set(chunk, head.length);
      if (joined.length < ZIP_MAGIC.length) {
        head = joined;
        continue;
      }
      head = null;
      if (isZip(joined)) unzip = openZip();
      push(joined, false);
    } else push(chunk, false);
    yield* json.drain();
  }
  if (head) push(head, false);
  push(new Uint8Array(0), true);
  yield* json.drain();
}
