import { describe, expect, it } from "vitest";

import { fieldPaths, signUp, useApi } from "./support/api.ts";

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

const OLD = new Date("2020-01-01T00:00:00Z");
/** Puts a session's lastActivity far in the past, so a bump is visible whatever the clock resolution. */
const ageSession = (id: string) => harness.db.analysisSession.update({ where: { id }, data: { lastActivity: OLD } });
const lastActivityOf = async (id: string) =>
  (await harness.db.analysisSession.findUniqueOrThrow({ where: { id } })).lastActivity.getTime();

const newSession = async (body: Record<string, unknown> = { type: "text" }, client = alice) => {
  const response = await client.request("POST", "/analysis-sessions", body);
  expect(response.status).toBe(201);
  return response.body;
};
const move = (id: string, ...statuses: string[]) =>
  statuses.reduce(async (previous, status) => {
    await previous;
    const response = await alice.request("POST", `/analysis-sessions/${id}/transition`, { status });
    expect(response.status, `→ ${status}: ${JSON.stringify(response.body)}`).toBe(200);
  }, Promise.resolve());
const addMessage = async (sessionId: string, body: Record<string, unknown> = { text: "hi", author: "contact" }) => {
  const response = await alice.request("POST", `/analysis-sessions/${sessionId}/messages`, body);
  expect(response.status).toBe(201);
  return response.body;
};

describe("analysis sessions: CRUD, lists and trash", () => {
  it("creates with boundary conventions and reads it back", async () => {
    const before = Date.now();
    const created = await alice.request("POST", "/analysis-sessions", { type: "screenshot", name: "Date #2" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: "screenshot",
      status: "pending_user_input",
      name: "Date #2",
      isActive: true,
      isPinned: false,
      ocrResult: null,
      deletedAt: null,
    });
    expect(created.body.lastActivity).toBeGreaterThanOrEqual(before - 1000);
    expect(created.body).not.toHaveProperty("userId");
    expect((await harness.db.analysisSession.findUniqueOrThrow({ where: { id: created.body.id } })).type).toBe(
      "SCREENSHOT",
    );
    expect((await alice.request("GET", `/analysis-sessions/${created.body.id}`)).body).toEqual(created.body);
  });

  it("lists by last activity (default) or creation, filtered by status and pinned, page by page", async () => {
    const client = await signUp(harness, "lister");
    const [first, second, third] = [
      await newSession({ type: "text" }, client),
      await newSession({ type: "text", isPinned: true }, client),
      await newSession({ type: "screenshot" }, client),
    ];
    // Requests can land in the same millisecond; the orders under test get times hours apart.
    for (const [session, hours] of [
      [first, 3],
      [second, 2],
      [third, 1],
    ] as const) {
      const at = new Date(Date.now() - hours * 3_600_000);
      await harness.db.analysisSession.update({ where: { id: session.id }, data: { createdAt: at, lastActivity: at } });
    }
    await client.request("POST", `/analysis-sessions/${first.id}/messages`, {
      text: "newest activity",
      author: "user",
    });
    const ids = async (query: `?${string}` | "") =>
      (await client.request("GET", `/analysis-sessions${query}`)).body.items.map((item: { id: string }) => item.id);
    expect(await ids("")).toEqual([first.id, third.id, second.id]);
    expect(await ids("?sort=createdAt")).toEqual([third.id, second.id, first.id]);
    expect(await ids("?pinned=true")).toEqual([second.id]);
    expect(await ids("?pinned=false&sort=createdAt")).toEqual([third.id, first.id]);
    await client.request("POST", `/analysis-sessions/${third.id}/transition`, { status: "previewing_screenshot" });
    expect(await ids("?status=previewing_screenshot")).toEqual([third.id]);
    expect(await ids("?type=text&status=pending_user_input&sort=createdAt")).toEqual([second.id, first.id]);
    const page1 = await client.request("GET", "/analysis-sessions?limit=2");
    const page2 = await client.request("GET", `/analysis-sessions?limit=2&cursor=${page1.body.nextCursor}`);
    expect([...page1.body.items, ...page2.body.items].map((item: { id: string }) => item.id)).toEqual([
      first.id,
      third.id,
      second.id,
    ]);
    expect(page2.body.nextCursor).toBeNull();
  });

  it("changes name and pin but never the status through PATCH", async () => {
    const session = await newSession();
    const patched = await alice.request("PATCH", `/analysis-sessions/${session.id}`, {
      name: "Renamed",
      isPinned: true,
    });
    expect(patched.body).toMatchObject({ name: "Renamed", isPinned: true, status: "pending_user_input" });
    const refused = await alice.request("PATCH", `/analysis-sessions/${session.id}`, { status: "complete" });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe("validation_failed");
    expect((await harness.db.analysisSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe(
      "PENDING_USER_INPUT",
    );
  });

  it("moves to the trash with isActive false, restores with isActive true, and deletes permanently", async () => {
    const session = await newSession();
    expect((await alice.request("DELETE", `/analysis-sessions/${session.id}`)).status).toBe(204);
    expect(
      await harness.db.analysisSession.findFirst({ where: { id: session.id, deletedAt: { not: null } } }),
    ).toMatchObject({ isActive: false });
    expect((await alice.request("GET", `/analysis-sessions/${session.id}`)).status).toBe(404);
    expect(
      (await alice.request("POST", `/analysis-sessions/${session.id}/messages`, { text: "x", author: "user" })).status,
    ).toBe(404);
    expect(
      (await alice.request("GET", "/analysis-sessions")).body.items.map((item: { id: string }) => item.id),
    ).not.toContain(session.id);
    const trash = await alice.request("GET", "/analysis-sessions?trash=true");
    expect(trash.body.items).toEqual([
      expect.objectContaining({ id: session.id, isActive: false, deletedAt: expect.any(Number) }),
    ]);
    const restored = await alice.request("POST", `/analysis-sessions/${session.id}/restore`);
    expect(restored.body).toMatchObject({ id: session.id, isActive: true, deletedAt: null });
    await alice.request("DELETE", `/analysis-sessions/${session.id}`);
    expect((await alice.request("DELETE", `/analysis-sessions/${session.id}?permanent=true`)).status).toBe(204);
    expect(await harness.db.analysisSession.count({ where: { id: session.id, deletedAt: { not: undefined } } })).toBe(
      0,
    );
  });
});

describe("analysis sessions: the state machine", () => {
  it("runs a text session to complete, bumping lastActivity there, and refuses shortcuts with 409 invalid_state", async () => {
    const session = await newSession();
    const skip = await alice.request("POST", `/analysis-sessions/${session.id}/transition`, { status: "complete" });
    expect(skip.status).toBe(409);
    expect(skip.body.error?.code).toBe("invalid_state");
    const screenshotStep = await alice.request("POST", `/analysis-sessions/${session.id}/transition`, {
      status: "previewing_screenshot",
    });
    expect(screenshotStep.status).toBe(409);
    await move(session.id, "analysis_in_progress");
    await ageSession(session.id);
    await move(session.id, "complete");
    expect(await lastActivityOf(session.id)).toBeGreaterThan(OLD.getTime());
    expect((await alice.request("GET", `/analysis-sessions/${session.id}`)).body.status).toBe("complete");
  });

  it("does not bump lastActivity on transitions short of complete", async () => {
    const session = await newSession();
    await ageSession(session.id);
    await move(session.id, "analysis_in_progress");
    expect(await lastActivityOf(session.id)).toBe(OLD.getTime());
  });

  it("fails to error from a state in flight and retries from pending_user_input, dropping stale OCR output", async () => {
    const session = await newSession({ type: "screenshot" });
    await move(session.id, "previewing_screenshot", "uploading", "analysis_in_progress", "verifying_ocr");
    await alice.request("PUT", `/analysis-sessions/${session.id}/ocr-result`, [
      { id: "1", text: "hey", author: "contact" },
    ]);
    await move(session.id, "error");
    expect(
      (await alice.request("POST", `/analysis-sessions/${session.id}/transition`, { status: "complete" })).status,
    ).toBe(409);
    await move(session.id, "pending_user_input");
    expect((await alice.request("GET", `/analysis-sessions/${session.id}`)).body).toMatchObject({
      status: "pending_user_input",
      ocrResult: null,
    });
  });

  it("runs a screenshot session through OCR: store, confirm into ordered messages, clear, analyse, complete", async () => {
    const session = await newSession({ type: "screenshot" });
    await move(session.id, "previewing_screenshot", "uploading", "analysis_in_progress", "verifying_ocr");
    const ocr = [
      { id: "a", text: "Hey, how was your weekend?", author: "contact" },
      { id: "b", text: "Great, went hiking!", author: "user" },
      { id: "c", text: "Ask about the trail", author: "ai" },
    ];
    const stored = await alice.request("PUT", `/analysis-sessions/${session.id}/ocr-result`, ocr);
    expect(stored.status).toBe(200);
    expect(stored.body.ocrResult).toEqual(ocr);
    const early = await alice.request("POST", `/analysis-sessions/${session.id}/transition`, {
      status: "analysis_in_progress",
    });
    expect(early.status).toBe(409);
    await ageSession(session.id);
    const confirmed = await alice.request("POST", `/analysis-sessions/${session.id}/ocr-result/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.session).toMatchObject({ status: "analysis_in_progress", ocrResult: null });
    expect(confirmed.body.session.lastActivity).toBeGreaterThan(OLD.getTime());
    expect(confirmed.body.messages.map((m: { text: string; author: string }) => [m.text, m.author])).toEqual(
      ocr.map((item) => [item.text, item.author]),
    );
    const times = confirmed.body.messages.map((m: { timestamp: number }) => m.timestamp);
    expect(times).toEqual([...times].sort((x: number, y: number) => x - y));
    expect(new Set(times).size).toBe(3);
    const stored2 = await harness.db.analysisSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(stored2.ocrResult).toBeNull();
    expect(
      await harness.db.analysisMessage.findMany({
        where: { analysisSessionId: session.id },
        orderBy: { timestamp: "asc" },
        select: { author: true },
      }),
    ).toEqual([{ author: "CONTACT" }, { author: "USER" }, { author: "AI" }]);
    const again = await alice.request("POST", `/analysis-sessions/${session.id}/ocr-result/confirm`);
    expect(again.status).toBe(409);
    await move(session.id, "complete");
  });

  it("confirms corrected items instead of the stored ones", async () => {
    const session = await newSession({ type: "screenshot" });
    await move(session.id, "previewing_screenshot", "uploading", "analysis_in_progress", "verifying_ocr");
    await alice.request("PUT", `/analysis-sessions/${session.id}/ocr-result`, [
      { id: "1", text: "helo", author: "user" },
    ]);
    const confirmed = await alice.request("POST", `/analysis-sessions/${session.id}/ocr-result/confirm`, {
      items: [
        { id: "1", text: "hello", author: "user" },
        { id: "2", text: "hi!", author: "contact" },
      ],
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.messages.map((m: { text: string }) => m.text)).toEqual(["hello", "hi!"]);
  });

  it("refuses OCR results outside verifying_ocr and invalid items, with field paths", async () => {
    const session = await newSession({ type: "screenshot" });
    const early = await alice.request("PUT", `/analysis-sessions/${session.id}/ocr-result`, [
      { id: "1", text: "x", author: "user" },
    ]);
    expect(early.status).toBe(409);
    expect(early.body.error?.code).toBe("invalid_state");
    expect((await alice.request("POST", `/analysis-sessions/${session.id}/ocr-result/confirm`)).status).toBe(409);
    await move(session.id, "previewing_screenshot", "uploading", "analysis_in_progress", "verifying_ocr");
    const nothing = await alice.request("POST", `/analysis-sessions/${session.id}/ocr-result/confirm`);
    expect(nothing.status).toBe(409);
    const invalid = await alice.request("PUT", `/analysis-sessions/${session.id}/ocr-result`, [
      { id: "1", text: "x", author: "USER" },
      { id: "2", author: "ai" },
    ]);
    expect(invalid.status).toBe(400);
    expect(fieldPaths(invalid)).toEqual(["0.author", "1.text"]);
    const duplicate = await alice.request("PUT", `/analysis-sessions/${session.id}/ocr-result`, [
      { id: "1", text: "x", author: "user" },
      { id: "1", text: "y", author: "user" },
    ]);
    expect(duplicate.status).toBe(400);
    expect((await alice.request("PUT", `/analysis-sessions/${session.id}/ocr-result`, { id: "1" })).status).toBe(400);
    expect((await harness.db.analysisSession.findUniqueOrThrow({ where: { id: session.id } })).ocrResult).toBeNull();
  });
});

describe("analysis messages and interactions", () => {
  it("adds messages (bumping lastActivity) and lists them in timestamp order, by author, page by page", async () => {
    const session = await newSession();
    await ageSession(session.id);
    const t = Date.UTC(2026, 0, 1, 12);
    const late = await addMessage(session.id, {
      text: "second",
      author: "user",
      timestamp: t + 60_000,
      sentiment: "positive",
    });
    expect(await lastActivityOf(session.id)).toBeGreaterThan(OLD.getTime());
    const early = await addMessage(session.id, { text: "first", author: "contact", timestamp: t });
    const ai = await addMessage(session.id, {
      text: "Try: tell me more",
      author: "ai",
      timestamp: t + 120_000,
      title: "Curious follow-up",
      tag: "Attraction",
      analysis: "Open questions keep it going.",
    });
    const all = await alice.request("GET", `/analysis-sessions/${session.id}/messages`);
    expect(all.body.items.map((m: { id: string }) => m.id)).toEqual([early.id, late.id, ai.id]);
    expect(all.body.items[2]).toMatchObject({
      author: "ai",
      title: "Curious follow-up",
      tag: "Attraction",
      timestamp: t + 120_000,
      isLiked: false,
      isDisliked: false,
      isPinned: false,
      usedCount: 0,
    });
    expect(all.body.items[1]!.sentiment).toBe("positive");
    expect(
      (await alice.request("GET", `/analysis-sessions/${session.id}/messages?author=ai`)).body.items.map(
        (m: { id: string }) => m.id,
      ),
    ).toEqual([ai.id]);
    const page1 = await alice.request("GET", `/analysis-sessions/${session.id}/messages?limit=2`);
    const page2 = await alice.request(
      "GET",
      `/analysis-sessions/${session.id}/messages?limit=2&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.body.items.map((m: { id: string }) => m.id)).toEqual([ai.id]);
  });

  it("gets, changes and deletes a message", async () => {
    const session = await newSession();
    const message = await addMessage(session.id);
    expect(
      (await alice.request("PATCH", `/analysis-messages/${message.id}`, { text: "edited", collectionIds: ["favs"] }))
        .body,
    ).toMatchObject({ text: "edited", collectionIds: ["favs"], author: "contact" });
    expect((await alice.request("GET", `/analysis-messages/${message.id}`)).body.text).toBe("edited");
    expect((await alice.request("DELETE", `/analysis-messages/${message.id}`)).status).toBe(204);
    expect((await alice.request("GET", `/analysis-messages/${message.id}`)).status).toBe(404);
  });

  it("derives isLiked/isDisliked/isPinned/usedCount from interactions: idempotent, like and dislike exclusive", async () => {
    const session = await newSession();
    const message = await addMessage(session.id, { text: "suggestion", author: "ai" });
    const path = `/analysis-messages/${message.id}/interactions`;
    await ageSession(session.id);
    expect((await alice.request("POST", `${path}/liked`)).body).toMatchObject({ isLiked: true, isDisliked: false });
    expect(await lastActivityOf(session.id)).toBeGreaterThan(OLD.getTime());
    const again = await alice.request("POST", `${path}/liked`);
    expect(again.status).toBe(200);
    expect(await harness.db.messageInteraction.count({ where: { analysisMessageId: message.id, type: "LIKED" } })).toBe(
      1,
    );
    expect((await alice.request("POST", `${path}/disliked`)).body).toMatchObject({ isLiked: false, isDisliked: true });
    expect((await alice.request("POST", `${path}/liked`)).body).toMatchObject({ isLiked: true, isDisliked: false });
    await alice.request("POST", `${path}/pinned`);
    await alice.request("POST", `${path}/copied_to_clipboard`);
    const copied = await alice.request("POST", `${path}/copied_to_clipboard`);
    expect(copied.body).toMatchObject({ isLiked: true, isPinned: true, usedCount: 1 });
    await ageSession(session.id);
    const unpinned = await alice.request("DELETE", `${path}/pinned`);
    expect(unpinned.body).toMatchObject({ isPinned: false, isLiked: true, usedCount: 1 });
    expect(await lastActivityOf(session.id)).toBeGreaterThan(OLD.getTime());
    expect((await alice.request("DELETE", `${path}/pinned`)).status).toBe(200);
    const listed = (await alice.request("GET", `/analysis-sessions/${session.id}/messages`)).body.items[0];
    expect(listed).toMatchObject({ isLiked: true, isDisliked: false, isPinned: false, usedCount: 1 });
    expect(await harness.db.messageInteraction.count({ where: { analysisMessageId: message.id } })).toBe(2);
  });
});

describe("analysis: bad input", () => {
  it("refuses database-style enums, unknown statuses and interaction types, writing nothing", async () => {
    const before = await harness.db.analysisSession.count();
    const created = await alice.request("POST", "/analysis-sessions", { type: "SCREENSHOT", name: "" });
    expect(created.status).toBe(400);
    expect(fieldPaths(created)).toEqual(["name", "type"]);
    expect(await harness.db.analysisSession.count()).toBe(before);
    const session = await newSession();
    expect(
      (await alice.request("POST", `/analysis-sessions/${session.id}/transition`, { status: "done" })).status,
    ).toBe(400);
    expect((await alice.request("POST", `/analysis-sessions/${session.id}/transition`, {})).status).toBe(400);
    const message = await addMessage(session.id);
    expect((await alice.request("POST", `/analysis-messages/${message.id}/interactions/loved`)).status).toBe(400);
    const badMessage = await alice.request("POST", `/analysis-sessions/${session.id}/messages`, {
      text: "",
      author: "bot",
      timestamp: "yesterday",
    });
    expect(fieldPaths(badMessage)).toEqual(["author", "text", "timestamp"]);
  });

  it("refuses unknown sorts, bad cursors and non-uuid ids", async () => {
    expect((await alice.request("GET", "/analysis-sessions?sort=random")).status).toBe(400);
    expect((await alice.request("GET", "/analysis-sessions?status=COMPLETE")).status).toBe(400);
    expect((await alice.request("GET", "/analysis-sessions/not-a-uuid")).status).toBe(400);
    const session = await newSession();
    expect((await alice.request("GET", `/analysis-sessions/${session.id}/messages?cursor=abc`)).status).toBe(400);
    expect((await alice.request("POST", "/analysis-messages/nope/interactions/liked")).status).toBe(400);
  });
});

describe("analysis: isolation", () => {
  it("answers 404 for another user's session and message on every route, and changes nothing", async () => {
    const session = await newSession({ type: "screenshot", name: "Private" });
    const message = await addMessage(session.id);
    await alice.request("POST", `/analysis-messages/${message.id}/interactions/liked`);
    const s = `/analysis-sessions/${session.id}`;
    const m = `/analysis-messages/${message.id}`;
    const attempts = [
      ["GET", s],
      ["PATCH", s, { name: "hacked" }],
      ["DELETE", s],
      ["DELETE", `${s}?permanent=true`],
      ["POST", `${s}/restore`],
      ["POST", `${s}/transition`, { status: "previewing_screenshot" }],
      ["PUT", `${s}/ocr-result`, []],
      ["POST", `${s}/ocr-result/confirm`, { items: [] }],
      ["GET", `${s}/messages`],
      ["POST", `${s}/messages`, { text: "x", author: "user" }],
      ["GET", m],
      ["PATCH", m, { text: "hacked" }],
      ["DELETE", m],
      ["POST", `${m}/interactions/disliked`],
      ["DELETE", `${m}/interactions/liked`],
    ] as const;
    for (const [method, path, body] of attempts)
      expect((await bob.request(method, path, body)).status, `${method} ${path}`).toBe(404);
    expect(
      (await bob.request("GET", "/analysis-sessions")).body.items.map((item: { id: string }) => item.id),
    ).not.toContain(session.id);
    expect(await harness.db.analysisSession.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({
      name: "Private",
      status: "PENDING_USER_INPUT",
      deletedAt: null,
    });
    expect(await harness.db.analysisMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      text: "hi",
    });
    expect(
      await harness.db.messageInteraction.findMany({
        where: { analysisMessageId: message.id },
        select: { type: true },
      }),
    ).toEqual([{ type: "LIKED" }]);
    expect(await harness.db.messageInteraction.count({ where: { userId: bob.userId } })).toBe(0);
  });

  it("needs credentials", async () => {
    const session = await newSession();
    expect((await harness.app.request("/analysis-sessions")).status).toBe(401);
    expect((await harness.app.request(`/analysis-sessions/${session.id}/messages`)).status).toBe(401);
    expect(
      (
        await harness.app.request(`/analysis-sessions/${session.id}/transition`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ status: "analysis_in_progress" }),
        })
      ).status,
    ).toBe(401);
    expect((await harness.db.analysisSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe(
      "PENDING_USER_INPUT",
    );
  });
});
