import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { localEmbedding } from "@cto/ai/local-provider";
import type { Db } from "@cto/db/client";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";
import { searchEmbeddings, upsertEmbedding } from "@cto/db/vector";

import {
  chunkText,
  countStaleOwners,
  embedOwners,
  findStaleOwners,
  reindexEmbeddings,
  type TEmbedder,
} from "./index.ts";

/** The offline provider's vectors, counting every text sent to the "model". */
const countingEmbedder = (model = "model-a"): TEmbedder & { calls: string[][] } => {
  const calls: string[][] = [];
  return {
    model,
    calls,
    embed: async (texts) => {
      calls.push(texts);
      return texts.map(localEmbedding);
    },
  };
};

const newUser = async (db: Db) => (await db.user.create({ data: { email: `${randomUUID()}@example.com` } })).id;
const rowsOf = (db: Db, ownerId: string) =>
  db.embedding.findMany({ where: { ownerId }, orderBy: { chunkIndex: "asc" } });
const longText = (words: number) =>
  Array.from({ length: words }, (_, i) => `word${i}${i % 12 === 11 ? "." : ""}`).join(" ");

describe("chunkText", () => {
  it("keeps short text whole and blank text out", () => {
    expect(chunkText("  Ship the roadmap.  ")).toEqual(["Ship the roadmap."]);
    expect(chunkText(" \n ")).toEqual([]);
  });

  it("cuts long text into overlapping chunks within the size, at word boundaries, covering every word", () => {
    const text = longText(900);
    const chunks = chunkText(text, { size: 500, overlap: 80 });
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(500);
    for (const chunk of chunks) expect(text.split(" ")).toContain(chunk.split(" ")[0]);
    for (const [i, chunk] of chunks.slice(1).entries())
      expect(chunks[i]!.endsWith(chunk.split(" ")[0]!) || chunks[i]!.includes(` ${chunk.split(" ")[0]} `)).toBe(true);
    const seen = new Set(chunks.flatMap((chunk) => chunk.split(" ")));
    for (const word of text.split(" ")) expect(seen.has(word)).toBe(true);
    expect(chunkText(text, { size: 500, overlap: 80 })).toEqual(chunks);
  });

  it("refuses an overlap that would never advance", () => {
    expect(() => chunkText("abc", { size: 10, overlap: 10 })).toThrow(RangeError);
  });
});

describe.each(testTargets())("embedding pipeline ($name)", (target) => {
  const handle = useMigratedDatabase(target);

  it("embeds a row's text once, skips unchanged chunks, and replaces changed ones", async () => {
    const { db } = handle;
    const userId = await newUser(db);
    const goal = await db.goal.create({
      data: { userId, period: "MONTHLY", title: "Delegate the weekly report", description: "Hand it to Sam by March" },
    });
    const embedder = countingEmbedder();
    const first = await embedOwners(db, embedder, [{ ownerKind: "GOAL", ownerId: goal.id }]);
    expect(first).toMatchObject({ embedded: 1, unchanged: 0 });
    expect(embedder.calls).toEqual([["Delegate the weekly report\nHand it to Sam by March"]]);
    const [row] = await rowsOf(db, goal.id);
    expect(row).toMatchObject({ userId, ownerKind: "GOAL", model: "model-a", dimension: 1536, chunkIndex: 0 });

    expect(await embedOwners(db, embedder, [{ ownerKind: "GOAL", ownerId: goal.id }])).toMatchObject({
      embedded: 0,
      unchanged: 1,
    });
    expect(embedder.calls).toHaveLength(1);

    await db.goal.update({ where: { id: goal.id }, data: { description: "Hand it to Kim by April" } });
    expect(await embedOwners(db, embedder, [{ ownerKind: "GOAL", ownerId: goal.id }])).toMatchObject({ embedded: 1 });
    expect((await rowsOf(db, goal.id)).map((r) => r.content)).toEqual([
      "Delegate the weekly report\nHand it to Kim by April",
    ]);
    const [hit] = await searchEmbeddings(db, {
      userId,
      vector: localEmbedding("Delegate the weekly report\nHand it to Kim by April"),
      model: "model-a",
      k: 1,
    });
    expect(hit).toMatchObject({ ownerId: goal.id });
    expect(hit!.score).toBeCloseTo(1, 5);
  });

  it("chunks long text with one batched model call, re-embeds only the chunks that changed, and drops chunks the text lost", async () => {
    const { db } = handle;
    const userId = await newUser(db);
    const text = longText(1200);
    const insight = await db.insight.create({ data: { userId, content: text } });
    const embedder = { ...countingEmbedder(), size: 800, overlap: 100 };
    const chunks = chunkText(text, embedder);
    await embedOwners(db, embedder, [{ ownerKind: "INSIGHT", ownerId: insight.id }]);
    expect(embedder.calls).toEqual([chunks]);
    expect((await rowsOf(db, insight.id)).map((r) => r.content)).toEqual(chunks);

    // Only the tail changes: the chunks before it keep their hashes and are not sent again.
    const edited = `${text} and one more closing thought.`;
    await db.insight.update({ where: { id: insight.id }, data: { content: edited } });
    const again = await embedOwners(db, embedder, [{ ownerKind: "INSIGHT", ownerId: insight.id }]);
    expect(again.unchanged).toBe(chunkText(edited, embedder).length - again.embedded);
    expect(again.embedded).toBeLessThanOrEqual(2);

    await db.insight.update({ where: { id: insight.id }, data: { content: "Short now." } });
    const shrunk = await embedOwners(db, embedder, [{ ownerKind: "INSIGHT", ownerId: insight.id }]);
    expect(shrunk.deleted).toBe(chunkText(edited, embedder).length - 1);
    expect((await rowsOf(db, insight.id)).map((r) => [r.chunkIndex, r.content])).toEqual([[0, "Short now."]]);
  });

  it("reuses the vector of identical text under the same model instead of calling the model", async () => {
    const { db } = handle;
    const userId = await newUser(db);
    const a = await db.task.create({ data: { userId, title: "Book the dentist" } });
    const b = await db.task.create({ data: { userId, title: "Book the dentist" } });
    const embedder = countingEmbedder();
    await embedOwners(db, embedder, [{ ownerKind: "TASK", ownerId: a.id }]);
    expect(await embedOwners(db, embedder, [{ ownerKind: "TASK", ownerId: b.id }])).toMatchObject({
      embedded: 0,
      reused: 1,
    });
    expect(embedder.calls).toHaveLength(1);
    expect(await rowsOf(db, b.id)).toHaveLength(1);
  });

  it("removes the embeddings of trashed, hard-deleted, blank and non-memory rows", async () => {
    const { db } = handle;
    const userId = await newUser(db);
    const embedder = countingEmbedder();
    const person = await db.person.create({ data: { userId, name: "Ana", notes: "Mentor, ex-CTO" } });
    const place = await db.place.create({ data: { userId, name: "Lisbon office", city: "Lisbon" } });
    const conversation = await db.conversation.create({ data: { userId } });
    const tool = await db.message.create({
      data: { conversationId: conversation.id, role: "TOOL", content: '{"ok":true}' },
    });
    const said = await db.message.create({
      data: { conversationId: conversation.id, role: "USER", content: "I keep postponing the hard talk" },
    });
    const owners = [
      { ownerKind: "PERSON" as const, ownerId: person.id },
      { ownerKind: "PLACE" as const, ownerId: place.id },
      { ownerKind: "MESSAGE" as const, ownerId: tool.id },
      { ownerKind: "MESSAGE" as const, ownerId: said.id },
    ];
    await embedOwners(db, embedder, owners);
    expect(await db.embedding.count({ where: { userId } })).toBe(3);
    expect(await rowsOf(db, tool.id)).toHaveLength(0);

    // Soft delete: the pipeline (the job the trash enqueues, or the sweep) removes them.
    await db.person.update({ where: { id: person.id }, data: { deletedAt: new Date() } });
    expect(await embedOwners(db, embedder, owners)).toMatchObject({ deleted: 1, unchanged: 2 });
    expect(await rowsOf(db, person.id)).toHaveLength(0);
    // Hard delete: the schema's trigger (PLACE) and cascade (MESSAGE) do it with no job at all.
    await db.place.delete({ where: { id: place.id } });
    await db.message.delete({ where: { id: said.id } });
    expect(await db.embedding.count({ where: { userId } })).toBe(0);
  });

  it("reindexes missing and other-model embeddings in resumable batches, and purges embeddings of trashed rows", async () => {
    const { db } = handle;
    const userId = await newUser(db);
    const oldModel = countingEmbedder("model-old");
    const goals = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        db.goal.create({ data: { userId, period: "WEEKLY", title: `Goal number ${i}` } }),
      ),
    );
    const person = await db.person.create({ data: { userId, name: "Bo" } });
    await embedOwners(db, oldModel, [
      ...goals.slice(0, 4).map((g) => ({ ownerKind: "GOAL" as const, ownerId: g.id })),
      { ownerKind: "PERSON", ownerId: person.id },
    ]);
    await db.person.update({ where: { id: person.id }, data: { deletedAt: new Date() } });

    const model = countingEmbedder("model-new");
    expect(await countStaleOwners(db, "model-new", userId)).toEqual({ GOAL: 7 });
    const progress: number[] = [];
    const partial = await reindexEmbeddings(db, model, {
      userId,
      batchSize: 3,
      maxBatches: 2,
      onProgress: (p) => progress.push(p.owners),
    });
    expect(partial).toMatchObject({ complete: false, owners: 6, purged: 1 });
    expect(progress).toEqual([3, 6]);
    expect(await countStaleOwners(db, "model-new", userId)).toEqual({ GOAL: 1 });

    const rest = await reindexEmbeddings(db, model, { userId, batchSize: 3 });
    expect(rest).toMatchObject({ complete: true, owners: 1 });
    expect(await countStaleOwners(db, "model-new", userId)).toEqual({});
    const models = await db.embedding.groupBy({ by: ["model"], where: { userId }, _count: true });
    expect(models).toEqual([{ model: "model-new", _count: 7 }]);
    // Searches compare vectors of one model only: the old model's space is gone, the new one answers.
    expect(await searchEmbeddings(db, { userId, vector: localEmbedding("Goal number 3"), model: "model-old" })).toEqual(
      [],
    );
    expect(
      (await searchEmbeddings(db, { userId, vector: localEmbedding("Goal number 3"), model: "model-new", k: 1 }))[0]!
        .ownerId,
    ).toBe(goals[3]!.id);
    expect(await reindexEmbeddings(db, model, { userId })).toMatchObject({ owners: 0, complete: true });
  });

  it("the sweep re-embeds rows whose text changed after their embedding, once, and a write that kept the text costs no model call", async () => {
    const { db } = handle;
    const userId = await newUser(db);
    const embedder = countingEmbedder();
    const goal = await db.goal.create({ data: { userId, period: "MONTHLY", title: "Hire two engineers" } });
    const conversation = await db.conversation.create({
      data: { userId, title: "Hiring", summary: "Where to post the roles (2 messages)" },
    });
    await embedOwners(db, embedder, [
      { ownerKind: "GOAL", ownerId: goal.id },
      { ownerKind: "CONVERSATION", ownerId: conversation.id },
    ]);
    expect(await countStaleOwners(db, "model-a", userId)).toEqual({});

    // Written with no job (Redis away, or a writer that enqueues nothing): the embeddings still hold the old text.
    await db.goal.update({ where: { id: goal.id }, data: { title: "Hire three engineers" } });
    await db.conversation.update({
      where: { id: conversation.id },
      data: { summary: "Which agency to use (4 messages)" },
    });
    expect(await countStaleOwners(db, "model-a", userId)).toEqual({ GOAL: 1, CONVERSATION: 1 });
    expect(await findStaleOwners(db, { kind: "GOAL", model: "model-a", limit: 10, userId, reason: "missing" })).toEqual(
      [],
    );
    expect(await findStaleOwners(db, { kind: "GOAL", model: "model-a", limit: 10, userId, reason: "changed" })).toEqual(
      [goal.id],
    );
    expect(await reindexEmbeddings(db, embedder, { userId })).toMatchObject({ owners: 2, embedded: 2 });
    expect((await rowsOf(db, goal.id)).map((r) => r.content)).toEqual(["Hire three engineers"]);
    expect((await rowsOf(db, conversation.id)).map((r) => r.content)).toEqual([
      "Hiring\nWhich agency to use (4 messages)",
    ]);
    expect(await reindexEmbeddings(db, embedder, { userId })).toMatchObject({ owners: 0 });

    // A write that leaves the text as it was (the status) is checked by content hash, not embedded again.
    const calls = embedder.calls.length;
    await db.goal.update({ where: { id: goal.id }, data: { status: "COMPLETED" } });
    expect(await countStaleOwners(db, "model-a", userId)).toEqual({ GOAL: 1 });
    expect(await reindexEmbeddings(db, embedder, { userId })).toMatchObject({ owners: 1, unchanged: 1, embedded: 0 });
    expect(embedder.calls).toHaveLength(calls);
    expect(await countStaleOwners(db, "model-a", userId)).toEqual({});

    // Embeddings from before versions were recorded are checked once the same way.
    const task = await db.task.create({ data: { userId, title: "Book the offsite" } });
    await upsertEmbedding(db, {
      userId,
      ownerKind: "TASK",
      ownerId: task.id,
      content: "Book the offsite",
      model: "model-a",
      embed: (text) => localEmbedding(text),
    });
    expect(await countStaleOwners(db, "model-a", userId)).toEqual({ TASK: 1 });
    expect(await reindexEmbeddings(db, embedder, { userId })).toMatchObject({ owners: 1, unchanged: 1, embedded: 0 });
    expect(await countStaleOwners(db, "model-a", userId)).toEqual({});
  });

  it("a bounded sweep embeds missing rows of every kind before changed ones", async () => {
    const { db } = handle;
    const userId = await newUser(db);
    const embedder = countingEmbedder();
    const goal = await db.goal.create({ data: { userId, period: "WEEKLY", title: "Old goal text" } });
    await embedOwners(db, embedder, [{ ownerKind: "GOAL", ownerId: goal.id }]);
    await db.goal.update({ where: { id: goal.id }, data: { title: "New goal text" } });
    // TASK comes after GOAL in kind order: only the missing-first pass reaches it in a one-batch run.
    const task = await db.task.create({ data: { userId, title: "Never embedded" } });
    expect(await reindexEmbeddings(db, embedder, { userId, batchSize: 10, maxBatches: 1 })).toMatchObject({
      owners: 1,
      complete: false,
      kind: "TASK",
      reason: "missing",
    });
    expect(await rowsOf(db, task.id)).toHaveLength(1);
    expect((await rowsOf(db, goal.id)).map((r) => r.content)).toEqual(["Old goal text"]);
    expect(await reindexEmbeddings(db, embedder, { userId, batchSize: 10, maxBatches: 1 })).toMatchObject({
      owners: 1,
      kind: "GOAL",
      reason: "changed",
    });
    expect((await rowsOf(db, goal.id)).map((r) => r.content)).toEqual(["New goal text"]);
  });

  it("never writes text that changed while it was being embedded", async () => {
    const { db } = handle;
    const userId = await newUser(db);
    const goal = await db.goal.create({ data: { userId, period: "MONTHLY", title: "Old title" } });
    const slow: TEmbedder = {
      model: "model-a",
      embed: async (texts) => {
        await db.goal.update({ where: { id: goal.id }, data: { title: "New title" } });
        return texts.map(localEmbedding);
      },
    };
    expect(await embedOwners(db, slow, [{ ownerKind: "GOAL", ownerId: goal.id }])).toMatchObject({
      superseded: 1,
      embedded: 0,
    });
    expect(await rowsOf(db, goal.id)).toHaveLength(0);
  });

  it("fails loudly when the model returns the wrong number of vectors, writing nothing", async () => {
    const { db } = handle;
    const userId = await newUser(db);
    const goal = await db.goal.create({ data: { userId, period: "MONTHLY", title: "Anything" } });
    const broken: TEmbedder = { model: "model-a", embed: async () => [] };
    await expect(embedOwners(db, broken, [{ ownerKind: "GOAL", ownerId: goal.id }])).rejects.toThrow(
      /0 vectors for 1 texts/,
    );
    expect(await rowsOf(db, goal.id)).toHaveLength(0);
  });
});
