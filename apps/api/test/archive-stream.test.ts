import { setTimeout as sleep } from "node:timers/promises";

import { describe, expect, it } from "vitest";

import { readAhead, scanArchive } from "../src/services/archive-stream.ts";

/** A body of `count` chunks of 10 bytes, recording how many were read and whether reading was stopped. */
const source = (count: number, failAt?: number) => {
  const state = { read: 0, closed: false };
  async function* chunks() {
    try {
      for (let index = 0; index < count; index++) {
        await sleep(1);
        if (index === failAt) throw new Error("connection reset");
        state.read++;
        yield new Uint8Array(10).fill(index);
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, chunks: chunks() };
};

describe("readAhead", () => {
  it("reads the body while the consumer is busy, no further than its limit", async () => {
    const { state, chunks } = source(100);
    const reader = readAhead(chunks, 35);
    expect((await reader.next()).value![0]).toBe(0);
    await sleep(100);
    // The chunk taken, then 40 bytes queued: the fourth queued chunk reached the limit.
    expect(state.read).toBe(5);
    const rest: number[] = [];
    for await (const chunk of reader) rest.push(chunk[0]!);
    expect(rest).toEqual(Array.from({ length: 99 }, (_, index) => index + 1));
  });

  it("throws the body's error where its chunk would have come", async () => {
    const { chunks } = source(10, 3);
    const seen: number[] = [];
    await expect(async () => {
      for await (const chunk of readAhead(chunks, 1_000)) seen.push(chunk[0]!);
    }).rejects.toThrow("connection reset");
    expect(seen).toEqual([0, 1, 2]);
  });

  it("stops reading the body once the consumer stops", async () => {
    const { state, chunks } = source(1_000);
    for await (const chunk of readAhead(chunks, 100)) if (chunk[0] === 2) break;
    await sleep(50);
    expect(state.closed).toBe(true);
    expect(state.read).toBeLessThan(20);
  });

  it("lets scanArchive refuse a body over the limit while reading ahead", async () => {
    const body = new TextEncoder().encode(
      `{"format":"cto-account-export","data":{"messages":[${"{},".repeat(50)}{}]}}`,
    );
    async function* chunks() {
      for (let offset = 0; offset < body.length; offset += 16) yield body.subarray(offset, offset + 16);
    }
    await expect(async () => {
      for await (const _event of scanArchive(chunks(), { maxBytes: 64 }));
    }).rejects.toThrow("larger than 64 bytes");
  });
});
