import { describe, expect, it } from "vitest";
import { createLocalProvider, LOCAL_CHAT_MODEL, LOCAL_EMBEDDING_MODEL } from "./local-provider.ts";
import { EMBEDDING_DIMENSIONS, type TChatRequest, type TChatStreamEvent } from "./provider.ts";

const cosine = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);

const collect = async (events: AsyncIterable<TChatStreamEvent>) => {
  const all: TChatStreamEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

describe("local provider embeddings", () => {
  const provider = createLocalProvider();

  it("gives deterministic, unit-length 1536-dimension vectors", async () => {
    const first = await provider.embed(["I keep procrastinating on my thesis", ""]);
    const second = await provider.embed(["I keep procrastinating on my thesis", ""]);
    expect(first.model).toBe(LOCAL_EMBEDDING_MODEL);
    expect(first.vectors).toEqual(second.vectors);
    for (const vector of first.vectors) {
      expect(vector).toHaveLength(EMBEDDING_DIMENSIONS);
      expect(cosine(vector, vector)).toBeCloseTo(1, 10);
    }
    expect(first.usage.promptTokens).toBe(Math.ceil("I keep procrastinating on my thesis".length / 4));
  });

  it("places texts that share words nearer than unrelated ones", async () => {
    const { vectors } = await provider.embed([
      "I want to run a marathon next spring",
      "Training to run my first marathon",
      "My landlord raised the rent again",
    ]);
    const [a, b, c] = vectors as [number[], number[], number[]];
    expect(cosine(a, b)).toBeGreaterThan(cosine(a, c) + 0.2);
    expect(cosine(a, c)).toBeLessThan(0.2);
  });
});

describe("local provider replies", () => {
  const provider = createLocalProvider();
  const request: TChatRequest = {
    messages: [
      { role: "system", content: "User goal: finish the thesis by June." },
      { role: "user", content: "Earlier message" },
      { role: "assistant", content: "Earlier reply" },
      { role: "user", content: "I keep putting off writing chapter two." },
    ],
  };

  it("is deterministic, honest about being offline, and built from the last user message and context", async () => {
    const first = await provider.chat(request);
    expect(await provider.chat(request)).toMatchObject({ content: first.content, usage: first.usage });
    expect(first.model).toBe(LOCAL_CHAT_MODEL);
    expect(first.content).toContain("offline local coach");
    expect(first.content).toContain("I keep putting off writing chapter two.");
    expect(first.content).toContain("finish the thesis by June");
    expect(first.content).not.toContain("Earlier message");
    expect(first.content.trim().endsWith("?")).toBe(true);
    expect(first).toMatchObject({ toolCalls: [], finishReason: "stop" });
    expect(first.usage.completionTokens).toBe(Math.ceil(first.content.length / 4));
    expect(provider.costOf(first.model, first.usage)).toBe(0);
  });

  it("streams word chunks that concatenate to the non-streamed reply", async () => {
    const expected = await provider.chat(request);
    const events = await collect(provider.chatStream(request));
    const deltas = events.flatMap((event) => (event.type === "delta" ? [event.text] : []));
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.join("")).toBe(expected.content);
    const done = events.at(-1);
    expect(done?.type).toBe("done");
    if (done?.type === "done") expect(done.result.content).toBe(expected.content);
  });

  it("stops when the signal is aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(provider.chat({ ...request, signal: controller.signal })).rejects.toMatchObject({ code: "timeout" });
  });
});
