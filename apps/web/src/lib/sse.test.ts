import { describe, expect, it } from "vitest";

import { parseSse, type TSseEvent } from "./sse.ts";

const streamOf = (chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      const encoder = new TextEncoder();
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });

const collect = async (chunks: string[]) => {
  const events: TSseEvent[] = [];
  for await (const event of parseSse(streamOf(chunks))) events.push(event);
  return events;
};

describe("parseSse", () => {
  it("reads named events with JSON data", async () => {
    const events = await collect([
      'event: delta\ndata: {"text":"Hel"}\n\n',
      'event: delta\ndata: {"text":"lo"}\n\nevent: done\ndata: {}\n\n',
    ]);
    expect(events).toEqual([
      { event: "delta", data: '{"text":"Hel"}' },
      { event: "delta", data: '{"text":"lo"}' },
      { event: "done", data: "{}" },
    ]);
  });

  it("joins events split across chunks at any byte, including inside CRLF", async () => {
    const text = 'event: delta\r\ndata: {"text":"über"}\r\n\r\nevent: done\r\ndata: 1\r\n\r\n';
    const bytes = new TextEncoder().encode(text);
    const chunks = Array.from(bytes, (byte) => String.fromCharCode(byte));
    // One byte per chunk splits the multi-byte ü too; feed raw bytes to prove decoding is streaming.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    const events: TSseEvent[] = [];
    for await (const event of parseSse(stream)) events.push(event);
    expect(chunks.length).toBeGreaterThan(40);
    expect(events).toEqual([
      { event: "delta", data: '{"text":"über"}' },
      { event: "done", data: "1" },
    ]);
  });

  it("joins multi-line data, skips comments and defaults the event name to message", async () => {
    const events = await collect([": keep-alive\n", "data: line one\ndata: line two\nid: 7\n\n"]);
    expect(events).toEqual([{ event: "message", data: "line one\nline two", id: "7" }]);
  });

  it("drops an event with no data and delivers a last event without its blank line", async () => {
    const events = await collect(["event: ping\n\n", "event: done\ndata: end"]);
    expect(events).toEqual([{ event: "done", data: "end" }]);
  });
});
