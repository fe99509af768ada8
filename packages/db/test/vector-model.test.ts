import { describe, expect, it } from "vitest";

import { fixtureEmbedding } from "../src/seed/index.ts";
import { testTargets, useMigratedDatabase } from "../src/testing/index.ts";
import { searchEmbeddings, searchKnowledgeChunks, setKnowledgeChunkEmbedding, upsertEmbedding } from "../src/vector.ts";

// Vectors of different embedding models live in different spaces; a search compares like with like.
describe.each(testTargets())("searches by embedding model on $name", (target) => {
  const ctx = useMigratedDatabase(target);

  it("returns only rows of the requested model, for memory and knowledge", async () => {
    const { db } = ctx;
    const user = await db.user.create({ data: { email: "models@example.com" } });
    const goal = await db.goal.create({ data: { userId: user.id, title: "Run", period: "DAILY" } });
    const task = await db.task.create({ data: { userId: user.id, title: "Run" } });
    const embed = (text: string) => fixtureEmbedding(text);
    await upsertEmbedding(db, {
      userId: user.id,
      ownerKind: "GOAL",
      ownerId: goal.id,
      content: "morning run",
      model: "model-a",
      embed,
    });
    await upsertEmbedding(db, {
      userId: user.id,
      ownerKind: "TASK",
      ownerId: task.id,
      content: "morning run",
      model: "model-b",
      embed,
    });
    const vector = fixtureEmbedding("morning run");
    expect((await searchEmbeddings(db, { userId: user.id, vector })).map((m) => m.model).sort()).toEqual([
      "model-a",
      "model-b",
    ]);
    expect((await searchEmbeddings(db, { userId: user.id, vector, model: "model-b" })).map((m) => m.ownerId)).toEqual([
      task.id,
    ]);

    for (const [chunkId, model] of [
      ["a-1", "model-a"],
      ["b-1", "model-b"],
    ] as const) {
      await db.knowledgeChunk.create({
        data: { chunkId, version: "1", source: "test", textContent: "run", embeddingText: "run" },
      });
      await setKnowledgeChunkEmbedding(db, { chunkId, vector, model });
    }
    expect((await searchKnowledgeChunks(db, { vector, model: "model-a" })).map((m) => m.chunkId)).toEqual(["a-1"]);
  });
});
