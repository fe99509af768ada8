import { describe, expect, it } from "vitest";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import { sendJson, startStandIn } from "@cto/ai/testing";
import { setKnowledgeChunkEmbedding, upsertEmbedding } from "@cto/db/vector";

import { createApp } from "../src/app.ts";
import { useApi } from "./support/api.ts";

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

const embedOne = async (text: string) => {
  const { vectors, model } = await harness.ai.embed([text]);
  return { vector: vectors[0]!, model };
};
const remember = async (userId: string, content: string, model?: string) => {
  const insight = await harness.db.insight.create({ data: { userId, content } });
  const { vector, model: providerModel } = await embedOne(content);
  await upsertEmbedding(harness.db, {
    userId,
    ownerKind: "INSIGHT",
    ownerId: insight.id,
    content,
    model: model ?? providerModel,
    embed: () => vector,
  });
  return insight;
};

describe("semantic search", () => {
  it("finds the caller's own memory by meaning, best first, and never another user's", async () => {
    const release = await remember(alice.userId, "delegating the release checklist to Priya");
    await remember(alice.userId, "evening run by the river felt great");
    await remember(bob.userId, "delegating the release checklist to my team");
    const result = await alice.request(
      "GET",
      `/search?q=${encodeURIComponent("delegate the release checklist")}&scope=memory`,
    );
    expect(result.status).toBe(200);
    expect(result.body.model).toBe((await embedOne("x")).model);
    expect(result.body.memory[0]).toMatchObject({
      ownerKind: "insight",
      ownerId: release.id,
      score: expect.any(Number),
    });
    expect(result.body.memory.map((match: { score: number }) => match.score)).toEqual(
      [...result.body.memory.map((match: { score: number }) => match.score)].sort((a: number, b: number) => b - a),
    );
    expect(JSON.stringify(result.body)).not.toContain("my team");
    expect(result.body.knowledge).toEqual([]);
  });

  it("never finds the messages of a trashed conversation", async () => {
    const created = await alice.request("POST", "/conversations", { title: "Quarterly planning" });
    expect(created.status).toBe(201);
    const conversationId = created.body.id as string;
    const content = "the offsite budget for the lighthouse team";
    const message = await harness.db.message.create({
      data: { conversationId, role: "USER", content, source: "WEB" },
    });
    const { vector, model } = await embedOne(content);
    await upsertEmbedding(harness.db, {
      userId: alice.userId,
      ownerKind: "MESSAGE",
      ownerId: message.id,
      content,
      model,
      embed: () => vector,
    });
    const found = async () => {
      const result = await alice.request("GET", `/search?q=${encodeURIComponent(content)}&scope=memory`);
      expect(result.status).toBe(200);
      return (result.body.memory as { ownerId: string; parentId: string | null }[]).filter(
        (match) => match.ownerId === message.id,
      );
    };
    expect(await found()).toEqual([expect.objectContaining({ parentId: conversationId })]);
    expect((await alice.request("DELETE", `/conversations/${conversationId}`)).status).toBe(204);
    expect(await found()).toEqual([]);
    // Restored, the message is live again and is embedded again (by a job, or the worker's sweep without Redis).
    expect((await alice.request("POST", `/conversations/${conversationId}/restore`)).status).toBe(200);
    expect((await alice.request("GET", `/conversations/${conversationId}/messages`)).body.items).toHaveLength(1);
  });

  it("compares only vectors of the current embedding model, and filters by kind and date", async () => {
    await remember(alice.userId, "a note embedded by an old model about sleep", "retired-model");
    const result = await alice.request(
      "GET",
      `/search?q=${encodeURIComponent("sleep note old model")}&scope=memory&k=50`,
    );
    expect(JSON.stringify(result.body)).not.toContain("old model about sleep");
    expect((await alice.request("GET", "/search?q=release&kinds=goal")).body.memory).toEqual([]);
    expect((await alice.request("GET", `/search?q=release&from=${Date.now() + 60_000}`)).body.memory).toEqual([]);
  });

  it("searches the knowledge base by phase and goal", async () => {
    for (const [chunkId, phase, goal, text] of [
      ["k-deleg", 1, "delegation", "Delegate with a checklist and one supervised run"],
      ["k-sleep", 2, "energy", "Protect your sleep before deep work"],
    ] as const) {
      await harness.db.knowledgeChunk.create({
        data: { chunkId, version: "1", source: "test", textContent: text, embeddingText: text, phase, goal },
      });
      const { vector, model } = await embedOne(text);
      await setKnowledgeChunkEmbedding(harness.db, { chunkId, vector, model });
    }
    const all = await alice.request(
      "GET",
      `/search?q=${encodeURIComponent("delegate with a checklist")}&scope=knowledge`,
    );
    expect(all.body.knowledge[0]).toMatchObject({ chunkId: "k-deleg", phase: 1, goal: "delegation" });
    const filtered = await alice.request(
      "GET",
      `/search?q=${encodeURIComponent("delegate with a checklist")}&scope=knowledge&goal=energy`,
    );
    expect(filtered.body.knowledge.map((match: { chunkId: string }) => match.chunkId)).toEqual(["k-sleep"]);
  });

  it("refuses bad queries and needs credentials", async () => {
    expect((await alice.request("GET", "/search")).status).toBe(400);
    const badKinds = await alice.request("GET", "/search?q=x&kinds=insight,secrets");
    expect(badKinds.status).toBe(400);
    expect(badKinds.body.error?.details?.[0]?.path).toBe("kinds");
    expect((await alice.request("GET", "/search?q=x&k=500")).status).toBe(400);
    expect((await harness.app.request("/search?q=x")).status).toBe(401);
  });
});

describe("search when the AI provider is down", () => {
  const searchOn = async (env: Record<string, string>) => {
    const ai = createAiProvider(parseAiConfig({ OPENAI_API_KEY: "test", AI_MAX_RETRIES: "2", ...env }));
    const app = createApp({ db: harness.db, config: harness.config, mailer: harness.mailer, ai });
    const startedAt = performance.now();
    const response = await app.request(`/search?q=${encodeURIComponent("release checklist")}`, {
      headers: { cookie: alice.cookie },
    });
    return {
      status: response.status,
      body: (await response.json()) as { error: { code: string; message: string } },
      elapsed: performance.now() - startedAt,
    };
  };

  it("answers 503 within the query bound with what failed, not a generic error", async () => {
    const silent = await startStandIn(() => {});
    try {
      const { status, body, elapsed } = await searchOn({
        OPENAI_BASE_URL: silent.baseUrl,
        AI_TIMEOUT_MS: "60000",
        AI_QUERY_TIMEOUT_MS: "400",
      });
      expect(status).toBe(503);
      expect(body.error).toMatchObject({
        code: "service_unavailable",
        message: "Search is unavailable right now: the AI provider did not answer in time. Try again in a moment.",
      });
      expect(elapsed).toBeLessThan(5000);
    } finally {
      await silent.close();
    }
  });

  it("says the provider failed or could not be reached", async () => {
    const failing = await startStandIn((_request, res) => sendJson(res, 500, { error: { message: "boom sk-secret" } }));
    try {
      const { status, body } = await searchOn({ OPENAI_BASE_URL: failing.baseUrl, AI_MAX_RETRIES: "0" });
      expect(status).toBe(503);
      expect(body.error.message).toBe(
        "Search is unavailable right now: the AI provider failed (HTTP 500). Try again in a moment.",
      );
      expect(JSON.stringify(body)).not.toContain("sk-secret");
    } finally {
      await failing.close();
    }
    const limited = await startStandIn((_request, res) => sendJson(res, 429, { error: { message: "slow down" } }));
    try {
      const { status, body } = await searchOn({ OPENAI_BASE_URL: limited.baseUrl, AI_MAX_RETRIES: "0" });
      expect(status).toBe(429);
      expect(body.error.code).toBe("rate_limited");
    } finally {
      await limited.close();
    }
    const closed = await startStandIn(() => {});
    await closed.close();
    const refused = await searchOn({ OPENAI_BASE_URL: closed.baseUrl, AI_MAX_RETRIES: "0" });
    expect(refused.body.error?.message).toBe(
      "Search is unavailable right now: the AI provider could not be reached. Try again in a moment.",
    );
  });
});
