import { MAX_BODY_DEPTH } from "@cto/contracts/values";

/**
 * Reads an account archive (`{"format":…,"user":{…},"data":{"section":[row,…],…},"embeddings":[…]}`)
 * as it arrives, one row at a time, so an import never holds the whole body. Only the archive's outer
 * frame is walked here byte by byte (the root object, `data`, each section's array, `embeddings`);
 * every value inside it (a row, the user, a scalar) is cut out whole and given to `JSON.parse`, which
 * checks it. Structural bytes are ASCII and never occur inside a UTF-8 sequence, so chunks may end
 * anywhere. Nesting deeper than MAX_BODY_DEPTH is refused while scanning, before anything parses it.
 */

export type TArchiveEvent =
  | { kind: "top"; key: string; value: unknown }
  | { kind: "sectionStart"; key: string }
  | { kind: "row"; key: string; index: number; value: unknown }
  | { kind: "sectionEnd"; key: string }
  /** `data` or a section that is not the object or array the archive needs (the parsed value). */
  | { kind: "misplaced"; path: string[]; value: unknown };

/** The body is not well-formed JSON, or is nested too deep: nothing after it can be read. */
export class ArchiveSyntaxError extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}
/** The body grew past its limit while being read. */
export class ArchiveTooLargeError extends Error {}

/** Structural bytes of JSON: plain numbers, so the scanning loop compares integers. */
const Byte = {
  Quote: 0x22,
  Backslash: 0x5c,
  Comma: 0x2c,
  Colon: 0x3a,
  OpenBrace: 0x7b,
  CloseBrace: 0x7d,
  OpenBracket: 0x5b,
  CloseBracket: 0x5d,
} as const;
const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

type Role = "root" | "data" | "section" | "embeddings";
/** An object or array of the frame; `expect` is what may come next. */
type Frame = {
  role: Role;
  key: string;
  index: number;
  expect: "first" | "key" | "colon" | "value" | "separator";
  currentKey?: string;
};
/** A value (or key) being cut out: its bytes so far and where its end is. */
type Capture = {
  parts: Uint8Array[];
  kind: "string" | "nested" | "scalar";
  depth: number;
  inString: boolean;
  escaped: boolean;
  path: (string | number)[];
  /** What the value is, once parsed. */
  target: "key" | "value";
};

const decoder = new TextDecoder();
const textOf = (parts: Uint8Array[]) => {
  if (parts.length === 1) return decoder.decode(parts[0]);
  return decoder.decode(Buffer.concat(parts));
};

/** How far the body is read ahead of the import (see readAhead). */
const READ_AHEAD_BYTES = 4 * 1024 * 1024;

/**
 * Yields `source`'s chunks as they are, reading up to `limit` bytes ahead of the consumer: the body
 * keeps arriving while the import waits on the database, instead of the sender waiting on TCP's window
 * and the import then waiting for the sender, each wait a wake-up on a busy machine. Memory holds at
 * most `limit` bytes (and a chunk) more. An error of `source` is thrown where its chunk would have come.
 */
export async function* readAhead(source: AsyncIterable<Uint8Array>, limit: number): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const queue: Uint8Array[] = [];
  let queued = 0;
  let ended = false;
  let stopped = false;
  let failure: { error: unknown } | undefined;
  let wakeConsumer: (() => void) | undefined;
  let wakeProducer: (() => void) | undefined;
  const wake = (which: "consumer" | "producer") => {
    const resume = which === "consumer" ? wakeConsumer : wakeProducer;
    if (which === "consumer") wakeConsumer = undefined;
    else wakeProducer = undefined;
    resume?.();
  };
  const producer = (async () => {
    try {
      while (!stopped) {
        if (queued >= limit) {
          await new Promise<void>((resume) => (wakeProducer = resume));
          continue;
        }
        const next = await iterator.next();
        if (next.done) break;
        queue.push(next.value);
        queued += next.value.byteLength;
        wake("consumer");
      }
    } catch (error) {
      failure = { error };
    } finally {
      ended = true;
      wake("consumer");
    }
  })();
  try {
    for (;;) {
      const chunk = queue.shift();
      if (chunk) {
        queued -= chunk.byteLength;
        wake("producer");
        yield chunk;
        continue;
      }
      if (ended) {
        if (failure) throw failure.error;
        return;
      }
      await new Promise<void>((resume) => (wakeConsumer = resume));
    }
  } finally {
    if (!ended) {
      // The consumer stopped early (a refused archive): the producer stops after the read under way.
      stopped = true;
      wake("producer");
      void producer.then(() => iterator.return?.()).catch(() => undefined);
    }
  }
}

export async function* scanArchive(
  body: AsyncIterable<Uint8Array>,
  { maxBytes }: { maxBytes: number },
): AsyncGenerator<TArchiveEvent> {
  const stack: Frame[] = [];
  let started = false;
  let finished = false;
  let capture: Capture | undefined;
  let received = 0;
  const events: TArchiveEvent[] = [];

  const pathOf = (frame: Frame): (string | number)[] => {
    if (frame.role === "root") return [];
    if (frame.role === "data") return ["data"];
    if (frame.role === "embeddings") return ["embeddings"];
    return ["data", frame.key];
  };
  const fail = (path: (string | number)[], message: string): never => {
    throw new ArchiveSyntaxError(path.length ? path : ["(body)"], message);
  };
  const tooDeep = (path: (string | number)[]) => fail(path, `Nested deeper than ${MAX_BODY_DEPTH} levels.`);

  /** A captured value is complete: parse it and say what it was. */
  const complete = (done: Capture) => {
    const text = textOf(done.parts);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      fail(done.path, `malformed JSON (${(error as Error).message})`);
    }
    const frame = stack.at(-1)!;
    if (done.target === "key") {
      frame.currentKey = value as string;
      frame.expect = "colon";
      return;
    }
    frame.expect = "separator";
    if (frame.role === "root") events.push({ kind: "top", key: frame.currentKey!, value });
    else if (frame.role === "data") events.push({ kind: "misplaced", path: ["data", frame.currentKey!], value });
    else if (frame.role === "section") events.push({ kind: "row", key: frame.key, index: frame.index++, value });
    else frame.index++;
  };

  /** Goes on cutting out `capture` from `bytes` at `start`; returns where it ended, or -1 if it goes on. */
  const continueCapture = (bytes: Uint8Array, start: number): number => {
    const current = capture!;
    let index = start;
    if (current.kind === "scalar") {
      while (index < bytes.length) {
        const byte = bytes[index]!;
        if (isSpace(byte) || byte === Byte.Comma || byte === Byte.CloseBrace || byte === Byte.CloseBracket) break;
        index++;
      }
      current.parts.push(bytes.subarray(start, index));
      if (index === bytes.length) return -1;
      return index;
    }
    let { depth, inString, escaped } = current;
    const base = stack.length;
    for (; index < bytes.length; index++) {
      const byte = bytes[index]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === Byte.Backslash) escaped = true;
        else if (byte === Byte.Quote) {
          inString = false;
          if (depth === 0) {
            index++;
            break;
          }
        }
      } else if (byte === Byte.Quote) inString = true;
      else if (byte === Byte.OpenBrace || byte === Byte.OpenBracket) {
        if (++depth + base > MAX_BODY_DEPTH) tooDeep(current.path);
      } else if (byte === Byte.CloseBrace || byte === Byte.CloseBracket) {
        if (--depth === 0) {
          index++;
          break;
        }
      }
    }
    current.parts.push(bytes.subarray(start, index));
    Object.assign(current, { depth, inString, escaped });
    if (depth === 0 && !inString) return index;
    return -1;
  };

  const startCapture = (bytes: Uint8Array, index: number, target: Capture["target"], path: (string | number)[]) => {
    const byte = bytes[index]!;
    capture = {
      parts: [],
      kind: byte === Byte.Quote ? "string" : byte === Byte.OpenBrace || byte === Byte.OpenBracket ? "nested" : "scalar",
      depth: 0,
      inString: false,
      escaped: false,
      path,
      target,
    };
    if (target === "key" && capture.kind !== "string") fail(path, "malformed JSON: expected a key in double quotes");
    if (capture.kind === "string") {
      capture.inString = true;
      capture.parts.push(bytes.subarray(index, index + 1));
      return index + 1;
    }
    if (capture.kind === "nested") {
      capture.depth = 1;
      if (1 + stack.length > MAX_BODY_DEPTH) tooDeep(path);
      capture.parts.push(bytes.subarray(index, index + 1));
      return index + 1;
    }
    return index;
  };

  const scan = (bytes: Uint8Array) => {
    let index = 0;
    while (index < bytes.length) {
      if (capture) {
        const end = continueCapture(bytes, index);
        if (end < 0) return;
        const done = capture;
        capture = undefined;
        complete(done);
        index = end;
        continue;
      }
      const byte = bytes[index]!;
      if (isSpace(byte)) {
        index++;
        continue;
      }
      if (finished) fail([], "malformed JSON: more after the end of the archive");
      const frame = stack.at(-1);
      if (!frame) {
        if (started || byte !== Byte.OpenBrace) fail([], "malformed JSON: an archive is a JSON object");
        started = true;
        stack.push({ role: "root", key: "", index: 0, expect: "first" });
        index++;
        continue;
      }
      const isObject = frame.role === "root" || frame.role === "data";
      const closer = isObject ? Byte.CloseBrace : Byte.CloseBracket;
      if (byte === closer && (frame.expect === "first" || frame.expect === "separator")) {
        stack.pop();
        if (frame.role === "section") events.push({ kind: "sectionEnd", key: frame.key });
        const parent = stack.at(-1);
        if (parent) parent.expect = "separator";
        else finished = true;
        index++;
        continue;
      }
      if (frame.expect === "separator") {
        if (byte !== Byte.Comma) fail(pathOf(frame), `malformed JSON: expected , or ${String.fromCharCode(closer)}`);
        frame.expect = isObject ? "key" : "value";
        index++;
        continue;
      }
      if (frame.expect === "colon") {
        if (byte !== Byte.Colon) fail(pathOf(frame), "malformed JSON: expected :");
        frame.expect = "value";
        index++;
        continue;
      }
      if (isObject && (frame.expect === "first" || frame.expect === "key")) {
        index = startCapture(bytes, index, "key", pathOf(frame));
        continue;
      }
      // A value: the frame's own containers are walked, anything else is cut out whole.
      const path = isObject ? [...pathOf(frame), frame.currentKey!] : [...pathOf(frame), frame.index];
      if (frame.role === "root" && frame.currentKey === "data" && byte === Byte.OpenBrace) {
        stack.push({ role: "data", key: "data", index: 0, expect: "first" });
        index++;
        continue;
      }
      if (frame.role === "root" && frame.currentKey === "embeddings" && byte === Byte.OpenBracket) {
        stack.push({ role: "embeddings", key: "embeddings", index: 0, expect: "first" });
        index++;
        continue;
      }
      if (frame.role === "data" && byte === Byte.OpenBracket) {
        stack.push({ role: "section", key: frame.currentKey!, index: 0, expect: "first" });
        events.push({ kind: "sectionStart", key: frame.currentKey! });
        index++;
        continue;
      }
      index = startCapture(bytes, index, "value", path);
    }
  };

  // The limit is checked as chunks are scanned: at most READ_AHEAD_BYTES more have been read by then.
  for await (const chunk of readAhead(body, READ_AHEAD_BYTES)) {
    received += chunk.byteLength;
    if (received > maxBytes) throw new ArchiveTooLargeError(`The request body is larger than ${maxBytes} bytes.`);
    scan(chunk);
    for (const event of events) yield event;
    events.length = 0;
  }
  // A number at the very end of the body has no delimiter after it.
  if (capture?.kind === "scalar") {
    const done = capture;
    capture = undefined;
    complete(done);
    for (const event of events) yield event;
    events.length = 0;
  }
  if (!finished)
    fail(capture?.path ?? (stack.length ? pathOf(stack.at(-1)!) : []), "malformed JSON: the body ends early");
}
