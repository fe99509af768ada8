import { beforeAll, describe, expect, it } from "vitest";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import { sendJson, startStandIn } from "@cto/ai/testing";
import { ingestKnowledgeChunks, loadStarterKnowledge } from "@cto/db/knowledge";

import { createApp } from "../src/app.ts";
import { sameSession, signUp, useApi } from "./support/api.ts";

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"], config: { dailyGenerationLimit: 50 } });

beforeAll(async () => {
  // A slice of the starter knowledge base (its stress, boundaries and delegation notes) keeps set-up short on a busy machine.
  const chunks = loadStarterKnowledge().filter((chunk) =>
    ["stress", "boundaries", "delegation"].includes(chunk.tags.goal?.[0] ?? ""),
  );
  await ingestKnowledgeChunks(harness.db, chunks, {
    embed: harness.ai.embed,
    model: harness.ai.embeddingModel,
    batchSize: 8,
  });
});

const CHAT = [
  { author: "contact", text: "I feel so stressed about the deadline, I can't sleep." },
  { author: "user", text: "That sounds hard. What is weighing on you most?" },
  { author: "contact", text: "Everything is due on Friday and my manager keeps adding work." },
];
/** A text session with the chat in it, as the user would type it in. */
const sessionWithChat = async (client = alice) => {
  const session = (await client.request("POST", "/analysis-sessions", { type: "text" })).body;
  for (const message of CHAT)
    expect((await client.request("POST", `/analysis-sessions/${session.id}/messages`, message)).status).toBe(201);
  return session;
};
const rowOf = (id: string) => harness.db.analysisSession.findUniqueOrThrow({ where: { id } });
const aiMessages = (id: string) => harness.db.analysisMessage.count({ where: { analysisSessionId: id, author: "AI" } });

describe("reply suggestions with the offline local provider", () => {
  it("stores labelled template suggestions grounded in the knowledge base and completes the session", async () => {
    const session = await sessionWithChat();
    const response = await alice.request("POST", `/analysis-sessions/${session.id}/suggestions`, { count: 3 });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.headers.get("x-generations-remaining")).toBe("49");
    expect(response.body).toMatchObject({
      provider: "local",
      model: "cto-local-coach-v1",
      session: { status: "complete" },
    });
    expect(response.body.suggestions).toHaveLength(3);
    for (const suggestion of response.body.suggestions) {
      expect(suggestion).toMatchObject({
        author: "ai",
        title: expect.stringMatching(/^Template \d: /),
        tag: expect.any(String),
        text: expect.any(String),
        isLiked: false,
        usedCount: 0,
      });
      expect(suggestion.analysis).toMatch(/^Offline template, not written by a language model/);
    }
    expect(response.body.sources.length).toBeGreaterThan(0);
    expect(response.body.suggestions[0]!.analysis).toContain(response.body.sources[0]!.chunkId);

    // The same chat gives the same suggestions (deterministic), and they list after the chat.
    const again = await sessionWithChat();
    const second = await alice.request("POST", `/analysis-sessions/${again.id}/suggestions`, { count: 3 });
    expect(second.body.suggestions.map((s: { text: string }) => s.text)).toEqual(
      response.body.suggestions.map((s: { text: string }) => s.text),
    );
    const listed = await alice.request("GET", `/analysis-sessions/${session.id}/messages`);
    expect(listed.body.items.map((item: { author: string }) => item.author)).toEqual([
      "contact",
      "user",
      "contact",
      "ai",
      "ai",
      "ai",
    ]);
    expect(
      await harness.db.auditLog.findFirst({
        where: { entityId: session.id, actionType: "suggest" },
        include: { assumptions: true },
      }),
    ).toMatchObject({ assumptions: expect.arrayContaining([expect.objectContaining({ category: "context" })]) });
  });

  it("filters the knowledge by phase and goal, and analyses a complete session again", async () => {
    const session = await sessionWithChat();
    const first = await alice.request("POST", `/analysis-sessions/${session.id}/suggestions`, {
      count: 1,
      goal: "stress",
      phase: 1,
    });
    expect(first.status).toBe(201);
    for (const source of first.body.sources)
      expect((await harness.db.knowledgeChunk.findUniqueOrThrow({ where: { id: source.id } })).goal).toBe("stress");
    const again = await alice.request("POST", `/analysis-sessions/${session.id}/suggestions`);
    expect(again.status).toBe(201);
    expect(again.body.suggestions).toHaveLength(3);
    expect(await aiMessages(session.id)).toBe(4);
  });

  it("lets the user like, pin and copy a suggestion", async () => {
    const session = await sessionWithChat();
    const suggestion = (await alice.request("POST", `/analysis-sessions/${session.id}/suggestions`, { count: 1 })).body
      .suggestions[0]!;
    expect((await alice.request("POST", `/analysis-messages/${suggestion.id}/interactions/liked`)).body).toMatchObject({
      isLiked: true,
    });
    expect((await alice.request("POST", `/analysis-messages/${suggestion.id}/interactions/pinned`)).body).toMatchObject(
      { isLiked: true, isPinned: true },
    );
    expect(
      (await alice.request("POST", `/analysis-messages/${suggestion.id}/interactions/copied_to_clipboard`)).body,
    ).toMatchObject({ usedCount: 1 });
    expect(
      (await alice.request("POST", `/analysis-messages/${suggestion.id}/interactions/disliked`)).body,
    ).toMatchObject({ isLiked: false, isDisliked: true });
    expect((await bob.request("POST", `/analysis-messages/${suggestion.id}/interactions/liked`)).status).toBe(404);
  });
});

describe("reply suggestions: refusals leave the session as it was", () => {
  it("409 without messages, while the OCR awaits its check, and for a screenshot session before its OCR", async () => {
    const empty = (await alice.request("POST", "/analysis-sessions", { type: "text" })).body;
    const none = await alice.request("POST", `/analysis-sessions/${empty.id}/suggestions`);
    expect(none.status).toBe(409);
    expect(none.body.error?.message).toMatch(/no messages/);
    const shot = (await alice.request("POST", "/analysis-sessions", { type: "screenshot" })).body;
    await alice.request("POST", `/analysis-sessions/${shot.id}/messages`, CHAT[0]);
    expect((await alice.request("POST", `/analysis-sessions/${shot.id}/suggestions`)).status).toBe(409);
    await harness.db.analysisSession.update({
      where: { id: shot.id },
      data: { status: "VERIFYING_OCR", ocrResult: [{ id: "1", text: "hi", author: "contact" }] },
    });
    const verifying = await alice.request("POST", `/analysis-sessions/${shot.id}/suggestions`);
    expect(verifying.body.error?.message).toMatch(/Confirm the OCR result first/);
    expect(await aiMessages(shot.id)).toBe(0);
  });

  it("404 for another user's session, 400 for a bad count", async () => {
    const session = await sessionWithChat();
    expect((await bob.request("POST", `/analysis-sessions/${session.id}/suggestions`)).status).toBe(404);
    const bad = await alice.request("POST", `/analysis-sessions/${session.id}/suggestions`, { count: 9 });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details?.[0]?.path).toBe("count");
    expect((await rowOf(session.id)).status).toBe("PENDING_USER_INPUT");
  });

  it("429 once the day's generations are spent, before anything changes", async () => {
    const client = await signUp(harness, "heavy");
    await harness.db.user.update({
      where: { id: client.userId },
      data: { dailyGenerationCount: 50, lastGenerationDate: new Date() },
    });
    const session = await sessionWithChat(client);
    const response = await client.request("POST", `/analysis-sessions/${session.id}/suggestions`);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await rowOf(session.id)).status).toBe("PENDING_USER_INPUT");
    expect(await aiMessages(session.id)).toBe(0);
  });
});

describe("reply suggestions through an OpenAI-compatible server", () => {
  const vector = Array.from({ length: 1536 }, (_, i) => (i === 0 ? 1 : 0));
  const withModel = async (content: string | null, status = 200) => {
    const standIn = await startStandIn((request, res) => {
      if (request.path.endsWith("/embeddings"))
        return sendJson(res, 200, {
          object: "list",
          model: "text-embedding-3-small",
          data: [{ object: "embedding", index: 0, embedding: vector }],
          usage: { prompt_tokens: 5, total_tokens: 5 },
        });
      if (status !== 200) return sendJson(res, status, { error: { message: "boom", type: "server_error" } });
      return sendJson(res, 200, {
        id: "c1",
        object: "chat.completion",
        created: 1,
        model: "gpt-4o-mini-2024-07-18",
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
        usage: { prompt_tokens: 120, completion_tokens: 60, total_tokens: 180 },
      });
    });
    const ai = createAiProvider(
      parseAiConfig({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: standIn.baseUrl, AI_MAX_RETRIES: "0" }),
    );
    return {
      standIn,
      api: { ...harness, app: createApp({ db: harness.db, config: harness.config, mailer: harness.mailer, ai }) },
    };
  };

  it("asks the model for JSON suggestions with the chat in the prompt and stores what it answers", async () => {
    const drafts = {
      suggestions: [
        {
          title: "Name the pressure",
          tag: "Empathy",
          text: "Friday sounds brutal. Want to list what can slip?",
          analysis: "It acknowledges the stress first [1].",
        },
      ],
    };
    const { standIn, api } = await withModel(`\`\`\`json\n${JSON.stringify(drafts)}\n\`\`\``);
    try {
      const session = await sessionWithChat();
      const { status, body } = await sameSession(alice, api).request(
        "POST",
        `/analysis-sessions/${session.id}/suggestions`,
        { count: 1 },
      );
      expect(status, JSON.stringify(body)).toBe(201);
      expect(body).toMatchObject({
        provider: "openai",
        model: "gpt-4o-mini-2024-07-18",
        suggestions: [{ author: "ai", ...drafts.suggestions[0] }],
      });
      const chat = standIn.requests.find((request) => request.path.endsWith("/chat/completions"))!;
      expect(chat.body.messages[0].content).toMatch(/Answer with JSON only/);
      expect(chat.body.messages[1].content).toContain("CONTACT: Everything is due on Friday");
    } finally {
      await standIn.close();
    }
  });

  it("503 when the model fails or answers something else than the JSON asked for; nothing is stored", async () => {
    for (const [content, status] of [
      ["Sure! Here are some ideas: be nice.", 200],
      [null, 500],
    ] as const) {
      const { standIn, api } = await withModel(content, status);
      try {
        const session = await sessionWithChat();
        const quotaBefore = (await alice.request("GET", "/me/generation-quota")).body.used;
        const response = await sameSession(alice, api).request("POST", `/analysis-sessions/${session.id}/suggestions`);
        expect(response.status).toBe(503);
        // Nothing came of it, so the day's generation is given back.
        expect((await alice.request("GET", "/me/generation-quota")).body.used).toBe(quotaBefore);
        expect(response.body.error?.code).toBe("service_unavailable");
        expect((await rowOf(session.id)).status).toBe("PENDING_USER_INPUT");
        expect(await aiMessages(session.id)).toBe(0);
      } finally {
        await standIn.close();
      }
    }
  });
});
