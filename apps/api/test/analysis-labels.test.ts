import { describe, expect, it } from "vitest";

import { parseAiConfig } from "@cto/ai/config";
import { createAiProvider } from "@cto/ai/create-provider";
import { sendJson, startStandIn } from "@cto/ai/testing";

import { createApp } from "../src/app.ts";
import { SENTIMENT_TIMEOUT_MS } from "../src/services/analysis/sentiment.ts";
import { fieldPaths, sameSession, type TClient, useApi } from "./support/api.ts";

// Sentiment and bookmark collections of analysis messages (001's `sentiment` and `collectionIds`).
const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

type TMessage = { id: string; text: string; sentiment: string | null; collectionIds: string[] };
const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((item) => item.id);

const newSession = async (type = "text", client: TClient = alice) => {
  const response = await client.request("POST", "/analysis-sessions", { type });
  expect(response.status).toBe(201);
  return response.body.id as string;
};
const add = async (sessionId: string, body: Record<string, unknown>, client: TClient = alice) => {
  const response = await client.request("POST", `/analysis-sessions/${sessionId}/messages`, {
    author: "contact",
    ...body,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as TMessage;
};
/** A screenshot session waiting for the user to check its OCR result. */
const verifying = async (client: TClient = alice) => {
  const id = await newSession("screenshot", client);
  for (const status of ["previewing_screenshot", "uploading", "analysis_in_progress", "verifying_ocr"])
    expect((await client.request("POST", `/analysis-sessions/${id}/transition`, { status })).status).toBe(200);
  return id;
};
const OCR = [
  { id: "a", text: "I love this place, thank you!", author: "contact" },
  { id: "b", text: "This is not good at all", author: "user" },
  { id: "c", text: "See you at 5", author: "contact" },
];

describe("analysis messages: sentiment", () => {
  it("labels new, confirmed and re-written messages with the offline provider, keeping a sentiment sent", async () => {
    const session = await newSession();
    expect((await add(session, { text: "I love it, thanks!" })).sentiment).toBe("positive");
    expect((await add(session, { text: "I love it", sentiment: "negative" })).sentiment).toBe("negative");
    const unlabelled = await add(session, { text: "I hate waiting", sentiment: null });
    expect(unlabelled.sentiment).toBeNull();

    const m = `/analysis-messages/${unlabelled.id}`;
    expect((await alice.request("PATCH", m, { title: "kept" })).body.sentiment).toBeNull();
    expect((await alice.request("PATCH", m, { text: "This is not good" })).body.sentiment).toBe("negative");
    expect((await alice.request("PATCH", m, { text: "Great news", sentiment: "neutral" })).body.sentiment).toBe(
      "neutral",
    );
    expect((await harness.db.analysisMessage.findUniqueOrThrow({ where: { id: unlabelled.id } })).sentiment).toBe(
      "NEUTRAL",
    );

    const ocr = await verifying();
    const confirmed = await alice.request("POST", `/analysis-sessions/${ocr}/ocr-result/confirm`, { items: OCR });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.messages.map((message: TMessage) => message.sentiment)).toEqual([
      "positive",
      "negative",
      "neutral",
    ]);
  });

  it("asks an OpenAI-compatible model once per write, and stores unlabelled when it fails, answers badly or is late", async () => {
    let mode: "ok" | "fail" | "malformed" | "hang" = "ok";
    const standIn = await startStandIn((request, res) => {
      if (mode === "hang") return; // never answers
      if (mode === "fail") return sendJson(res, 500, { error: { message: "boom", type: "server_error" } });
      const texts: string[] = JSON.parse(request.body.messages.at(-1).content);
      const sentiments = texts.map((text) => (text.includes("5") ? "NEUTRAL" : "NEGATIVE"));
      return sendJson(res, 200, {
        id: "c1",
        object: "chat.completion",
        created: 1,
        model: "gpt-4o-mini-2024-07-18",
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: mode === "ok" ? JSON.stringify({ sentiments }) : "{}" },
            finish_reason: "stop",
          },
        ],
        usage: { prompt_tokens: 20, completion_tokens: 5, total_tokens: 25 },
      });
    });
    const ai = createAiProvider(
      parseAiConfig({
        OPENAI_API_KEY: "sk-test",
        OPENAI_BASE_URL: standIn.baseUrl,
        AI_MAX_RETRIES: "0",
        AI_TIMEOUT_MS: "60000",
      }),
    );
    const api = { ...harness, app: createApp({ db: harness.db, config: harness.config, mailer: harness.mailer, ai }) };
    const client = sameSession(alice, api);
    const chats = () => standIn.requests.filter((request) => request.path.endsWith("/chat/completions")).length;
    try {
      // The model's labels, not the lexicon's: "I love it" is what the stand-in calls negative.
      const session = await newSession();
      expect((await add(session, { text: "I love it" }, client)).sentiment).toBe("negative");
      const ocr = await verifying();
      const before = chats();
      const confirmed = await client.request("POST", `/analysis-sessions/${ocr}/ocr-result/confirm`, { items: OCR });
      expect(confirmed.body.messages.map((message: TMessage) => message.sentiment)).toEqual([
        "negative",
        "negative",
        "neutral",
      ]);
      expect(chats() - before).toBe(1);

      for (const failure of ["fail", "malformed"] as const) {
        mode = failure;
        const message = await add(session, { text: `written while the model is ${failure}` }, client);
        expect(message.sentiment, failure).toBeNull();
        expect(await harness.db.analysisMessage.count({ where: { id: message.id, sentiment: null } })).toBe(1);
      }
      // A model that never answers holds the write up for the bound only; the OCR items are all stored.
      mode = "hang";
      const late = await verifying();
      const startedAt = Date.now();
      const stored = await client.request("POST", `/analysis-sessions/${late}/ocr-result/confirm`, { items: OCR });
      expect(Date.now() - startedAt).toBeLessThan(SENTIMENT_TIMEOUT_MS + 2_000);
      expect(stored.status).toBe(200);
      expect(stored.body.messages.map((message: TMessage) => message.sentiment)).toEqual([null, null, null]);
      expect(await harness.db.analysisMessage.count({ where: { analysisSessionId: late, sentiment: null } })).toBe(3);
    } finally {
      await standIn.close();
    }
  });
});

describe("analysis messages: bookmark collections", () => {
  it("filters a session's messages, lists collections with counts and their messages across sessions", async () => {
    const t = Date.UTC(2026, 0, 1, 12);
    const first = await newSession();
    const m1 = await add(first, { text: "one", timestamp: t, collectionIds: ["funny", "keep"] });
    const m2 = await add(first, { text: "two", timestamp: t + 1000, collectionIds: ["keep"] });
    await add(first, { text: "three", timestamp: t + 2000 });
    const second = await newSession();
    const m4 = await add(second, { text: "four", timestamp: t + 3000, collectionIds: ["keep"] });
    expect(m1.collectionIds).toEqual(["funny", "keep"]);

    const inFirst = (collectionId: string) =>
      alice.request("GET", `/analysis-sessions/${first}/messages?collectionId=${encodeURIComponent(collectionId)}`);
    expect(ids(await inFirst("keep"))).toEqual([m1.id, m2.id]);
    expect(ids(await inFirst("funny"))).toEqual([m1.id]);
    expect(ids(await inFirst("none yet"))).toEqual([]);

    const collections = async (client = alice) => (await client.request("GET", "/analysis-collections")).body.items;
    expect(await collections()).toEqual([
      { collectionId: "funny", count: 1 },
      { collectionId: "keep", count: 3 },
    ]);
    expect(ids(await alice.request("GET", "/analysis-collections/keep/messages"))).toEqual([m4.id, m2.id, m1.id]);
    const page1 = await alice.request("GET", "/analysis-collections/keep/messages?limit=2");
    const page2 = await alice.request(
      "GET",
      `/analysis-collections/keep/messages?limit=2&cursor=${page1.body.nextCursor}`,
    );
    expect(ids(page2)).toEqual([m1.id]);

    // Taking a message out of a collection, and trashing a session, shrink it.
    expect((await alice.request("PATCH", `/analysis-messages/${m2.id}`, { collectionIds: [] })).status).toBe(200);
    expect((await alice.request("DELETE", `/analysis-sessions/${second}`)).status).toBe(204);
    expect(await collections()).toEqual([
      { collectionId: "funny", count: 1 },
      { collectionId: "keep", count: 1 },
    ]);

    // Bob sees only his own "keep"; Alice's session answers him 404 and her collection's messages nothing.
    const bobs = await add(await newSession("text", bob), { text: "bob's", collectionIds: ["keep"] }, bob);
    expect(await collections(bob)).toEqual([{ collectionId: "keep", count: 1 }]);
    expect(ids(await bob.request("GET", "/analysis-collections/keep/messages"))).toEqual([bobs.id]);
    expect(ids(await bob.request("GET", "/analysis-collections/funny/messages"))).toEqual([]);
    expect((await bob.request("GET", `/analysis-sessions/${first}/messages?collectionId=keep`)).status).toBe(404);
    expect(
      (await bob.request("GET", `/analysis-collections/keep/messages?cursor=${m1.id}`)).body.error?.details,
    ).toEqual([expect.objectContaining({ path: "cursor" })]);
    expect(await collections()).toEqual([
      { collectionId: "funny", count: 1 },
      { collectionId: "keep", count: 1 },
    ]);
  });

  it("refuses bad collection ids with their paths, writing nothing", async () => {
    const session = await newSession();
    const before = await harness.db.analysisMessage.count({ where: { analysisSessionId: session } });
    const refused = [
      [{ text: "x", author: "user", collectionIds: [""] }, ["collectionIds.0"]],
      [{ text: "x", author: "user", collectionIds: "keep" }, ["collectionIds"]],
      [{ text: "x", author: "user", collectionIds: ["k".repeat(101)] }, ["collectionIds.0"]],
    ] as const;
    for (const [body, paths] of refused) {
      const response = await alice.request("POST", `/analysis-sessions/${session}/messages`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(fieldPaths(response)).toEqual(paths);
    }
    expect(await harness.db.analysisMessage.count({ where: { analysisSessionId: session } })).toBe(before);
    const emptyFilter = await alice.request("GET", `/analysis-sessions/${session}/messages?collectionId=`);
    expect(emptyFilter.status).toBe(400);
    expect(fieldPaths(emptyFilter)).toEqual(["collectionId"]);
    const long = await alice.request("GET", `/analysis-collections/${"k".repeat(101)}/messages`);
    expect(long.status).toBe(400);
    expect(fieldPaths(long)).toEqual(["collectionId"]);
  });
});
