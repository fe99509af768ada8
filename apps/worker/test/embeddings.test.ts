import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { localEmbedding, LOCAL_EMBEDDING_MODEL } from "@cto/ai/local-provider";
import { EMBEDDING_UPSERT_MAX_OWNERS, type TEmbeddingOwner } from "@cto/contracts/queues";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";
import { searchEmbeddings } from "@cto/db/vector";

import { processEmbeddingReindex } from "../src/jobs/embeddings.reindex.ts";
import { processEmbeddingUpsert } from "../src/jobs/embeddings.upsert.ts";
import { register } from "../src/jobs/processor.ts";
import { startRuntime, type TRuntime } from "../src/runtime.ts";
import { createTestDeps, REDIS_URL, testPrefix, waitFor } from "./deps.ts";

const registry = [
  register("embeddings", "upsert", processEmbeddingUpsert),
  register("embeddings", "reindex", processEmbeddingReindex),
];

for (const target of testTargets()) {
  describe(`embedding jobs through Redis (${target.name})`, () => {
    const handle = useMigratedDatabase(target);
    const prefix = testPrefix(`embeddings-${target.name}`);
    let test: ReturnType<typeof createTestDeps>;
    let runtime: TRuntime;
    beforeAll(() => {
      test = createTestDeps({ prefix, db: handle.db });
      runtime = startRuntime({
        deps: test.deps,
        redis: REDIS_URL,
        prefix,
        registry,
        concurrency: 2,
        lockDuration: 10_000,
        stalledInterval: 10_000,
      });
    });
    afterAll(async () => {
      await runtime.close();
      await test.close(["embeddings"]);
    });

    const newUser = async () =>
      (await handle.db.user.create({ data: { email: `${crypto.randomUUID()}@example.com` } })).id;
    /** An upsert job of these rows, as the API adds them. */
    const upsert = (...owners: TEmbeddingOwner[]) => test.queues.enqueue("embeddings", "upsert", { owners });
    const embeddingsOf = (ownerId: string) => handle.db.embedding.findMany({ where: { ownerId } });
    const finished = async (id: string) => {
      const job = await test.queues.queue("embeddings").getJob(id);
      return waitFor(
        async () => (job ? job.getState() : "missing"),
        (state) => state === "completed" || state === "failed",
        30_000,
      );
    };

    it("an upsert job embeds the row with the provider's model, and a repeat of it changes nothing", async () => {
      const userId = await newUser();
      const task = await handle.db.task.create({
        data: { userId, title: "Prepare the board deck", description: "Numbers first, story second" },
      });
      const { id } = await upsert({ userId, ownerKind: "TASK", ownerId: task.id });
      expect(await finished(id)).toBe("completed");
      const [row] = await embeddingsOf(task.id);
      expect(row).toMatchObject({
        userId,
        ownerKind: "TASK",
        model: LOCAL_EMBEDDING_MODEL,
        content: "Prepare the board deck\nNumbers first, story second",
      });
      const [hit] = await searchEmbeddings(handle.db, {
        userId,
        vector: localEmbedding(row!.content),
        model: LOCAL_EMBEDDING_MODEL,
        k: 1,
      });
      expect(hit?.ownerId).toBe(task.id);

      // A job of one row alone, the shape earlier versions of the API added (still in Redis during an upgrade).
      const again = await test.queues.enqueue("embeddings", "upsert", { userId, ownerKind: "TASK", ownerId: task.id });
      expect(await finished(again.id)).toBe("completed");
      const job = await test.queues.queue("embeddings").getJob(again.id);
      expect(job?.returnvalue).toMatchObject({ embedded: 0, unchanged: 1 });
      expect((await embeddingsOf(task.id))[0]!.updatedAt).toEqual(row!.updatedAt);
    });

    it("an upsert job of several users' rows of several kinds embeds them in one model call; a trashed one loses its vectors", async () => {
      const [ana, ben] = [await newUser(), await newUser()];
      const task = await handle.db.task.create({ data: { userId: ana, title: "Draft the hiring plan" } });
      const emotion = await handle.db.emotion.create({
        data: { userId: ben, label: "relieved", valence: "POSITIVE", intensity: 7, note: "The launch went out" },
      });
      const goal = await handle.db.goal.create({ data: { userId: ben, title: "Swim twice a week", period: "WEEKLY" } });
      const trashed = await handle.db.event.create({ data: { userId: ana, title: "Dentist", startsAt: new Date() } });
      expect(await finished((await upsert({ userId: ana, ownerKind: "EVENT", ownerId: trashed.id })).id)).toBe(
        "completed",
      );
      await handle.db.event.update({ where: { id: trashed.id }, data: { deletedAt: new Date() } });

      const embed = vi.spyOn(test.deps.ai, "embed");
      try {
        const { id } = await upsert(
          { userId: ana, ownerKind: "TASK", ownerId: task.id },
          { userId: ben, ownerKind: "EMOTION", ownerId: emotion.id },
          { userId: ben, ownerKind: "GOAL", ownerId: goal.id },
          { userId: ana, ownerKind: "EVENT", ownerId: trashed.id },
        );
        expect(await finished(id)).toBe("completed");
        expect((await test.queues.queue("embeddings").getJob(id))?.returnvalue).toMatchObject({
          embedded: 3,
          deleted: 1,
        });
        expect(embed).toHaveBeenCalledTimes(1);
        expect(embed.mock.calls[0]![0]).toHaveLength(3);
      } finally {
        embed.mockRestore();
      }
      for (const [owner, userId] of [
        [task.id, ana],
        [emotion.id, ben],
        [goal.id, ben],
      ] as const)
        expect((await embeddingsOf(owner)).map((row) => row.userId)).toEqual([userId]);
      expect(await embeddingsOf(trashed.id)).toHaveLength(0);

      // More rows than a job may carry never enter Redis.
      const tooMany = Array.from({ length: EMBEDDING_UPSERT_MAX_OWNERS + 1 }, () => ({
        userId: ana,
        ownerKind: "TASK" as const,
        ownerId: task.id,
      }));
      await expect(upsert(...tooMany)).rejects.toThrow(/does not match its contract/);
    });

    it("an upsert job for a trashed row removes its embeddings", async () => {
      const userId = await newUser();
      const event = await handle.db.event.create({ data: { userId, title: "Offsite", startsAt: new Date() } });
      expect(await finished((await upsert({ userId, ownerKind: "EVENT", ownerId: event.id })).id)).toBe("completed");
      expect(await embeddingsOf(event.id)).toHaveLength(1);
      await handle.db.event.update({ where: { id: event.id }, data: { deletedAt: new Date() } });
      expect(await finished((await upsert({ userId, ownerKind: "EVENT", ownerId: event.id })).id)).toBe("completed");
      expect(await embeddingsOf(event.id)).toHaveLength(0);
    });

    it("the reindex job re-embeds a row whose text changed after its embedding without a job, and then leaves it", async () => {
      const userId = await newUser();
      const conversation = await handle.db.conversation.create({
        data: { userId, title: "Telegram", summary: "Morning run plans (2 messages)" },
      });
      expect(await finished((await upsert({ userId, ownerKind: "CONVERSATION", ownerId: conversation.id })).id)).toBe(
        "completed",
      );
      // What the chat does after a turn while Redis is away: a new summary, no job.
      await handle.db.conversation.update({
        where: { id: conversation.id },
        data: { summary: "Evening swim instead (4 messages)" },
      });
      const { id } = await test.queues.enqueue("embeddings", "reindex", { userId });
      expect(await finished(id)).toBe("completed");
      expect((await test.queues.queue("embeddings").getJob(id))?.returnvalue).toMatchObject({
        owners: 1,
        embedded: 1,
        reason: "changed",
      });
      expect((await embeddingsOf(conversation.id)).map((row) => row.content)).toEqual([
        "Telegram\nEvening swim instead (4 messages)",
      ]);
      const again = await test.queues.enqueue("embeddings", "reindex", { userId });
      expect(await finished(again.id)).toBe("completed");
      expect((await test.queues.queue("embeddings").getJob(again.id))?.returnvalue).toMatchObject({ owners: 0 });
    });

    it("the reindex job embeds rows written without a job, and a payload off its contract fails at once", async () => {
      const userId = await newUser();
      const goals = await Promise.all(
        ["Run a 10k", "Read 12 books", "Learn to say no"].map((title) =>
          handle.db.goal.create({ data: { userId, title, period: "YEARLY" } }),
        ),
      );
      const { id } = await test.queues.enqueue("embeddings", "reindex", { userId, batchSize: 2 });
      expect(await finished(id)).toBe("completed");
      expect((await test.queues.queue("embeddings").getJob(id))?.returnvalue).toMatchObject({
        owners: 3,
        batches: 2,
        complete: true,
      });
      for (const goal of goals) expect(await embeddingsOf(goal.id)).toHaveLength(1);

      const bad = await test.queues
        .queue("embeddings")
        .add("upsert", { userId, ownerKind: "NOT_A_KIND", ownerId: "x" });
      expect(await finished(bad.id!)).toBe("failed");
      const failed = await test.queues.queue("embeddings").getJob(bad.id!);
      expect(failed?.attemptsMade).toBe(1);
      expect(failed?.failedReason).toMatch(/does not match its contract/);
    });
  });
}
