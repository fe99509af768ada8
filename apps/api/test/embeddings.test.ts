import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { TEmbeddingOwner } from "@cto/contracts/queues";
import { embedOwners, reindexEmbeddings, type TEmbedder } from "@cto/core/embeddings";
import { createProducerConnection } from "@cto/queue/connection";
import { createQueues, type TQueues } from "@cto/queue/queues";

import { syncOwnerEmbeddings } from "../src/services/embeddings.ts";
import { signUp, type TUser } from "./support/api.ts";
import { startApi, WEB_ORIGIN, withDeps, type Harness } from "./harness.ts";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

describe("embeddings follow what the API writes", () => {
  let base: Harness;
  let withQueues: Harness;
  let embedder: TEmbedder;
  const connection = createProducerConnection(redisUrl);
  const queues: TQueues = createQueues({ connection, prefix: `cto-test-api-embeddings-${process.pid}-${Date.now()}` });
  beforeAll(async () => {
    base = await startApi();
    withQueues = withDeps(base, { queues });
    embedder = { model: base.ai.embeddingModel, embed: async (texts) => (await base.ai.embed(texts)).vectors };
  });
  afterAll(async () => {
    await queues.queue("embeddings").obliterate({ force: true });
    await queues.close();
    connection.disconnect();
    await base.close();
  });

  /** The upsert jobs waiting with this owner among theirs, and what the worker's processor does with them. */
  const jobsFor = async (ownerId: string) =>
    (await queues.queue("embeddings").getJobs(["waiting"])).filter((job) =>
      (job.data.owners as TEmbeddingOwner[]).some((owner) => owner.ownerId === ownerId),
    );
  const runJobs = async (ownerId: string) => {
    const jobs = await jobsFor(ownerId);
    for (const job of jobs) await embedOwners(base.db, embedder, job.data.owners as TEmbeddingOwner[]);
    return jobs.length;
  };
  const rows = (ownerId: string) => base.db.embedding.findMany({ where: { ownerId } });
  const search = async (user: TUser, q: string) =>
    (await user.request("GET", `/search?q=${encodeURIComponent(q)}&scope=memory`)).body.memory as {
      ownerId: string;
      ownerKind: string;
    }[];

  it("creating and changing a goal enqueues an upsert job, whose result search finds; the old text stops answering", async () => {
    const user = await signUp(withQueues, "goals");
    const created = await user.request("POST", "/goals", { title: "Hire a staff engineer", period: "quarterly" });
    expect(created.status).toBe(201);
    const [job] = await jobsFor(created.body.id);
    expect(job).toMatchObject({
      name: "upsert",
      data: { owners: [{ userId: user.userId, ownerKind: "GOAL", ownerId: created.body.id }] },
    });
    await runJobs(created.body.id);
    expect((await search(user, "Hire a staff engineer"))[0]).toMatchObject({
      ownerKind: "goal",
      ownerId: created.body.id,
    });

    await queues.queue("embeddings").drain();
    expect((await user.request("PATCH", `/goals/${created.body.id}`, { title: "Promote from within" })).status).toBe(
      200,
    );
    expect(await runJobs(created.body.id)).toBe(1);
    expect((await rows(created.body.id)).map((row) => row.content)).toEqual(["Promote from within"]);
  });

  it("rows written in one turn of the event loop share one upsert job, of at most 100 rows; each row is in one job", async () => {
    await queues.queue("embeddings").drain();
    const [ana, ben] = [crypto.randomUUID(), crypto.randomUUID()];
    const emotions = Array.from({ length: 3 }, () => crypto.randomUUID());
    const tasks = Array.from({ length: 247 }, () => crypto.randomUUID());
    const write = { db: base.db, queues, event: "create" as const };
    await Promise.all([
      syncOwnerEmbeddings({ ...write, userId: ana, ownerKind: "EMOTION", ownerIds: emotions.slice(0, 2) }),
      syncOwnerEmbeddings({ ...write, userId: ben, ownerKind: "EMOTION", ownerIds: emotions.slice(2) }),
      syncOwnerEmbeddings({ ...write, userId: ben, ownerKind: "TASK", ownerIds: tasks }),
    ]);
    const jobs = (await queues.queue("embeddings").getJobs(["waiting"])).sort((a, b) => Number(a.id) - Number(b.id));
    expect(jobs.map((job) => job.data.owners.length)).toEqual([100, 100, 50]);
    const owners = jobs.flatMap((job) => job.data.owners as TEmbeddingOwner[]);
    expect(owners.map((owner) => owner.ownerId).sort()).toEqual([...emotions, ...tasks].sort());
    expect(owners.slice(0, 3)).toEqual([
      { userId: ana, ownerKind: "EMOTION", ownerId: emotions[0] },
      { userId: ana, ownerKind: "EMOTION", ownerId: emotions[1] },
      { userId: ben, ownerKind: "EMOTION", ownerId: emotions[2] },
    ]);

    // A later turn gathers a job of its own.
    await syncOwnerEmbeddings({ ...write, userId: ana, ownerKind: "EMOTION", ownerIds: [emotions[0]!] });
    expect(await queues.queue("embeddings").count()).toBe(4);
    await queues.queue("embeddings").drain();
  });

  it("check-ins sent together are each in exactly one upsert job, and the worker's pass embeds them all", async () => {
    await queues.queue("embeddings").drain();
    const users = await Promise.all([signUp(withQueues, "together-a"), signUp(withQueues, "together-b")]);
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        users[i % 2]!.request("POST", "/emotions", { label: `steady ${i}`, valence: "positive", intensity: 5 }),
      ),
    );
    const ids = created.map((response) => {
      expect(response.status).toBe(201);
      return response.body.id as string;
    });
    const jobs = await queues.queue("embeddings").getJobs(["waiting"]);
    const owners = jobs.flatMap((job) => job.data.owners as TEmbeddingOwner[]);
    expect(owners.map((owner) => owner.ownerId).sort()).toEqual([...ids].sort());
    for (const job of jobs) await embedOwners(base.db, embedder, job.data.owners as TEmbeddingOwner[]);
    expect(await base.db.embedding.count({ where: { ownerKind: "EMOTION", ownerId: { in: ids } } })).toBe(12);
    await queues.queue("embeddings").drain();
  });

  it("trash removes a person's embeddings at once, restore enqueues them again, and a hard delete leaves none", async () => {
    const user = await signUp(withQueues, "people");
    const person = (await user.request("POST", "/people", { name: "Priya", notes: "Mentor for the platform team" }))
      .body;
    await runJobs(person.id);
    expect(await rows(person.id)).toHaveLength(1);
    await queues.queue("embeddings").drain();

    expect((await user.request("DELETE", `/people/${person.id}`)).status).toBe(204);
    expect(await rows(person.id)).toHaveLength(0);
    expect(await search(user, "Mentor for the platform team")).toEqual([]);
    expect((await user.request("POST", `/people/${person.id}/restore`)).status).toBe(200);
    expect(await runJobs(person.id)).toBe(1);
    expect(await rows(person.id)).toHaveLength(1);

    expect((await user.request("DELETE", `/people/${person.id}?permanent=true`)).status).toBe(204);
    expect(await rows(person.id)).toHaveLength(0);
  });

  it("messages, the context profile and analysis messages are embedded too; trashing a session hides its messages", async () => {
    const user = await signUp(withQueues, "custom");
    const conversation = (await user.request("POST", "/conversations", { title: "1:1 prep" })).body;
    const message = (
      await user.request("POST", `/conversations/${conversation.id}/messages`, {
        content: "I want to give clearer feedback",
      })
    ).body;
    expect(await runJobs(message.id)).toBe(1);
    const context = (await user.request("PUT", "/me/context", { personalBio: "Engineering manager of nine" })).body;
    expect(await runJobs(context.id)).toBe(1);
    expect((await rows(context.id))[0]!.content).toBe("About me: Engineering manager of nine");

    const session = (await user.request("POST", "/analysis-sessions", { type: "text", title: "Chat with Sam" })).body;
    const said = (
      await user.request("POST", `/analysis-sessions/${session.id}/messages`, {
        author: "contact",
        text: "Can we move the launch?",
      })
    ).body;
    expect(said.id).toBeTruthy();
    expect(await runJobs(said.id)).toBe(1);
    expect(await rows(said.id)).toHaveLength(1);
    expect((await user.request("DELETE", `/analysis-sessions/${session.id}`)).status).toBe(204);
    expect(await rows(said.id)).toHaveLength(0);
  });

  it("confirmed OCR messages and AI suggestions are embedded; the trash takes them out of search, restore brings them back, delete leaves none", async () => {
    const user = await signUp(withQueues, "analysis");
    const session = (await user.request("POST", "/analysis-sessions", { type: "screenshot" })).body;
    for (const status of ["previewing_screenshot", "uploading", "analysis_in_progress", "verifying_ocr"])
      expect((await user.request("POST", `/analysis-sessions/${session.id}/transition`, { status })).status).toBe(200);
    await user.request("PUT", `/analysis-sessions/${session.id}/ocr-result`, [
      { id: "1", text: "Can we push the demo to Thursday?", author: "contact" },
      { id: "2", text: "Sure, Thursday works", author: "user" },
    ]);
    // The user corrects the OCR before confirming: the corrected text is what gets embedded.
    const confirmed = await user.request("POST", `/analysis-sessions/${session.id}/ocr-result/confirm`, {
      items: [
        { id: "1", text: "Can we push the demo to Thursday?", author: "contact" },
        { id: "2", text: "Sure, Thursday at ten works", author: "user" },
      ],
    });
    expect(confirmed.status).toBe(200);
    const chatIds = confirmed.body.messages.map((message: { id: string }) => message.id) as string[];
    for (const id of chatIds) expect(await runJobs(id)).toBe(1);
    expect((await rows(chatIds[1]!)).map((row) => row.content)).toEqual(["Sure, Thursday at ten works"]);

    const suggested = await user.request("POST", `/analysis-sessions/${session.id}/suggestions`, { count: 2 });
    expect(suggested.status).toBe(201);
    const suggestionIds = suggested.body.suggestions.map((suggestion: { id: string }) => suggestion.id) as string[];
    expect(suggestionIds).toHaveLength(2);
    for (const id of suggestionIds) expect(await runJobs(id)).toBe(1);
    const [suggestion] = await rows(suggestionIds[0]!);
    expect(suggestion).toMatchObject({
      ownerKind: "ANALYSIS_MESSAGE",
      userId: user.userId,
      content: expect.stringContaining(suggested.body.suggestions[0]!.title!),
    });
    expect((await search(user, "push the demo to Thursday")).map((hit) => hit.ownerId)).toContain(chatIds[0]);
    await queues.queue("embeddings").drain();

    const all = [...chatIds, ...suggestionIds];
    expect((await user.request("DELETE", `/analysis-sessions/${session.id}`)).status).toBe(204);
    expect(await base.db.embedding.count({ where: { ownerId: { in: all } } })).toBe(0);
    expect((await search(user, "push the demo to Thursday")).map((hit) => hit.ownerId)).not.toContain(chatIds[0]);
    expect((await user.request("POST", `/analysis-sessions/${session.id}/restore`)).status).toBe(200);
    for (const id of all) expect(await runJobs(id)).toBe(1);
    expect(await base.db.embedding.count({ where: { ownerId: { in: all } } })).toBe(4);
    expect((await user.request("DELETE", `/analysis-sessions/${session.id}?permanent=true`)).status).toBe(204);
    expect(await base.db.embedding.count({ where: { ownerId: { in: all } } })).toBe(0);
  });

  /** One chat turn through the SSE route; resolves once the stream (and everything the turn stores) is done. */
  const chat = async (on: Harness, user: TUser, conversationId: string, content: string) => {
    const response = await on.app.request(`/conversations/${conversationId}/chat`, {
      method: "POST",
      headers: { origin: WEB_ORIGIN, cookie: user.cookie, "content-type": "application/json" },
      body: JSON.stringify({ content }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("event: done");
  };

  it("a chat turn that rewrites the conversation's summary enqueues its upsert; without Redis the sweep finds the changed summary", async () => {
    const user = await signUp(withQueues, "summary");
    const conversation = (await user.request("POST", "/conversations", { title: "Quarterly planning" })).body;
    await runJobs(conversation.id);
    expect((await rows(conversation.id)).map((row) => row.content)).toEqual(["Quarterly planning"]);
    await queues.queue("embeddings").drain();

    await chat(withQueues, user, conversation.id, "Help me cut the roadmap to three bets. Which ones?");
    const [job] = await jobsFor(conversation.id);
    expect(job?.data.owners).toContainEqual({
      userId: user.userId,
      ownerKind: "CONVERSATION",
      ownerId: conversation.id,
    });
    await runJobs(conversation.id);
    expect((await rows(conversation.id)).map((row) => row.content)).toEqual([
      "Quarterly planning\nHelp me cut the roadmap to three bets. (2 messages)",
    ]);
    await queues.queue("embeddings").drain();

    // The API without Redis: no job, and the sweep (not only missing rows: changed ones too) catches it.
    await chat(base, user, conversation.id, "Actually, make it two bets.");
    expect(await jobsFor(conversation.id)).toEqual([]);
    await reindexEmbeddings(base.db, embedder, { userId: user.userId });
    expect((await rows(conversation.id)).map((row) => row.content)).toEqual([
      "Quarterly planning\nActually, make it two bets. (4 messages)",
    ]);
    expect(await reindexEmbeddings(base.db, embedder, { userId: user.userId })).toMatchObject({ owners: 0 });
  });

  it("without Redis the write succeeds, an update drops the stale vectors, and the worker's sweep embeds what is missing", async () => {
    const dead = createProducerConnection("redis://127.0.0.1:1", { retryStrategy: () => null, lazyConnect: true });
    dead.on("error", () => undefined);
    const deadQueues = createQueues({ connection: dead, prefix: "cto-test-dead" });
    deadQueues.queue("embeddings").on("error", () => undefined);
    const unreachable = withDeps(base, { queues: deadQueues });
    try {
      for (const target of [base, unreachable]) {
        const user = await signUp(target, "offline");
        const task = (await user.request("POST", "/tasks", { title: "Renew the passport" })).body;
        expect(task.id).toBeTruthy();
        expect(await rows(task.id)).toHaveLength(0);
        expect(await reindexEmbeddings(base.db, embedder, { userId: user.userId })).toMatchObject({ owners: 1 });
        expect((await search(user, "Renew the passport"))[0]).toMatchObject({ ownerId: task.id });

        expect((await user.request("PATCH", `/tasks/${task.id}`, { title: "Book the visa appointment" })).status).toBe(
          200,
        );
        expect(await rows(task.id)).toHaveLength(0);
        await reindexEmbeddings(base.db, embedder, { userId: user.userId });
        expect((await rows(task.id)).map((row) => row.content)).toEqual(["Book the visa appointment"]);
      }
    } finally {
      await deadQueues.close().catch(() => undefined);
      dead.disconnect();
    }
  });
});
