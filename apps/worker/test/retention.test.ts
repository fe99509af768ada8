import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { testTargets, useMigratedDatabase } from "@cto/db/testing";
import { createLocalStorage } from "@cto/storage/local";

import { loadEnv } from "../src/env.ts";
import { REGISTRY } from "../src/jobs/registry.ts";
import {
  ARCHIVE_HISTORY_SCHEDULE_ID,
  RETENTION_SCHEDULE_ID,
  SCHEDULES,
  withRetentionSettings,
} from "../src/jobs/schedules.ts";
import { createTestDeps, memoryLogger, testPrefix } from "./deps.ts";

const DAY = 86_400_000;
const registered = (job: "retention" | "archive-history") =>
  REGISTRY.find((entry) => entry.queue === "maintenance" && entry.job === job)!;

describe("retention settings", () => {
  const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/cto", CTO_DATA_DIR: "/nonexistent/cto-data" };

  it("default to 30 days of trash, 90 days of AI bodies, no archive; the schedules carry what the env says", () => {
    const defaults = loadEnv(base);
    expect(defaults).toMatchObject({ TRASH_RETENTION_DAYS: 30, AI_BODY_RETENTION_DAYS: 90 });
    expect(defaults.HISTORY_HOT_MONTHS).toBeUndefined();
    const env = loadEnv({
      ...base,
      TRASH_RETENTION_DAYS: "14",
      AI_BODY_RETENTION_DAYS: "7",
      HISTORY_HOT_MONTHS: "6",
      HISTORY_ARCHIVE_MONTHS: "36",
    });
    const configured = SCHEDULES.map(withRetentionSettings(env));
    expect(configured.find((entry) => entry.id === RETENTION_SCHEDULE_ID)!.data).toEqual({
      trashDays: 14,
      aiBodyDays: 7,
    });
    expect(configured.find((entry) => entry.id === ARCHIVE_HISTORY_SCHEDULE_ID)!.data).toEqual({
      hotMonths: 6,
      archiveMonths: 36,
    });
    expect(
      SCHEDULES.map(withRetentionSettings(defaults)).find((entry) => entry.id === ARCHIVE_HISTORY_SCHEDULE_ID)!.data,
    ).toEqual({ hotMonths: null, archiveMonths: null });
  });

  it("refuses values that are not whole numbers of at least 1, naming the variable", () => {
    expect(() => loadEnv({ ...base, TRASH_RETENTION_DAYS: "0" })).toThrow(/TRASH_RETENTION_DAYS/);
    expect(() => loadEnv({ ...base, HISTORY_HOT_MONTHS: "1.5" })).toThrow(/HISTORY_HOT_MONTHS/);
  });
});

// Plain SQL and the archive's functions: the archive itself runs on both targets in packages/db.
const postgres = testTargets().find((target) => target.name === "postgres");

describe.skipIf(!postgres)("maintenance/retention on postgres", () => {
  const handle = useMigratedDatabase(postgres!);
  let uploads: string;
  beforeAll(async () => {
    uploads = await mkdtemp(path.join(tmpdir(), "cto-retention-uploads-"));
  });
  afterAll(async () => {
    if (uploads) await rm(uploads, { recursive: true, force: true });
  });

  it("deletes the trash past its days (a screenshot's file with it), clears old AI bodies and keeps their numbers; a rerun finds nothing", async () => {
    const { db } = handle;
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const storage = createLocalStorage({ root: uploads });
    const { log, lines } = memoryLogger();
    const { deps, close } = createTestDeps({ prefix: testPrefix("retention"), db, storage, log, now: () => now });
    try {
      const user = await db.user.create({ data: { email: `retention-${Date.now()}@example.com` } });
      const [old, recent, live] = await Promise.all(
        [ago(40), ago(5), null].map((deletedAt, i) =>
          db.person.create({ data: { userId: user.id, name: `person ${i}`, deletedAt } }),
        ),
      );
      const parent = await db.task.create({ data: { userId: user.id, title: "old task", deletedAt: ago(31) } });
      await db.task.create({
        data: { userId: user.id, title: "its subtask", parentId: parent.id, deletedAt: ago(31) },
      });
      const session = await db.analysisSession.create({
        data: { userId: user.id, type: "SCREENSHOT", deletedAt: ago(60) },
      });
      const key = `screenshots/${user.id}/${session.id}`;
      await storage.put(key, Buffer.from("image bytes"), { contentType: "image/png" });
      const conversation = await db.conversation.create({ data: { userId: user.id } });
      const response = async (days: number) => {
        const message = await db.message.create({
          data: { conversationId: conversation.id, role: "ASSISTANT", content: `reply ${days}`, createdAt: ago(days) },
        });
        return db.aiResponse.create({
          data: {
            messageId: message.id,
            userId: user.id,
            modelUsed: "gpt-test",
            tokenCount: 120,
            cost: "0.00012000",
            latency: 800,
            requestData: { messages: 3 },
            responseData: { finishReason: "stop" },
            createdAt: ago(days),
          },
        });
      };
      const [oldResponse, newResponse] = [await response(100), await response(10)];

      const data = { trashDays: 30, aiBodyDays: 90 };
      const first = await registered("retention").run({ data } as Job, deps);
      expect(first).toEqual({
        trash: { persons: 1, places: 0, events: 0, tasks: 2, deadlines: 0, analysis_sessions: 1 },
        aiBodies: 1,
      });
      expect(
        (await db.person.findMany({ where: { userId: user.id, deletedAt: undefined }, orderBy: { name: "asc" } })).map(
          (row) => row.id,
        ),
      ).toEqual([recent!.id, live!.id]);
      expect(await db.person.findFirst({ where: { id: old!.id, deletedAt: undefined } })).toBeNull();
      expect(await db.task.count({ where: { userId: user.id, deletedAt: undefined } })).toBe(0);
      await expect(storage.get(key)).rejects.toThrow();
      expect(await db.aiResponse.findUniqueOrThrow({ where: { id: oldResponse.id } })).toMatchObject({
        requestData: null,
        responseData: null,
        tokenCount: 120,
        latency: 800,
        modelUsed: "gpt-test",
      });
      expect((await db.aiResponse.findUniqueOrThrow({ where: { id: oldResponse.id } })).cost?.toString()).toBe(
        "0.00012",
      );
      expect(await db.aiResponse.findUniqueOrThrow({ where: { id: newResponse.id } })).toMatchObject({
        requestData: { messages: 3 },
        responseData: { finishReason: "stop" },
      });
      expect(lines.find((line) => line.msg === "retention applied")).toMatchObject({
        trashDays: 30,
        aiBodyDays: 90,
        aiBodies: 1,
      });

      expect(await registered("retention").run({ data } as Job, deps)).toEqual({
        trash: { persons: 0, places: 0, events: 0, tasks: 0, deadlines: 0, analysis_sessions: 0 },
        aiBodies: 0,
      });
    } finally {
      await close();
    }
  });
});

describe.skipIf(!postgres)("maintenance/archive-history on postgres", () => {
  const handle = useMigratedDatabase(postgres!);

  it("moves whole months past the hot window in bounded batches, makes the next month's partitions ahead, and drops archived months past theirs", async () => {
    const { db, owner } = handle;
    // Mid-month, so the months are unambiguous: hot = this month and the previous two.
    const now = new Date(Date.UTC(2027, 5, 15, 12));
    const { deps, close } = createTestDeps({ prefix: testPrefix("archive"), db, now: () => now });
    const partitions = async () =>
      (
        await owner.$queryRaw<
          { name: string }[]
        >`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'archive.messages'::regclass ORDER BY 1`
      ).map((row) => row.name);
    try {
      expect(
        await registered("archive-history").run({ data: { hotMonths: null, archiveMonths: null } } as Job, deps),
      ).toMatchObject({ messages: 0, monthsCreated: 0, monthsDropped: [] });
      expect(await partitions()).toEqual([]);

      const user = await db.user.create({ data: { email: `archive-${Date.now()}@example.com` } });
      const conversation = await db.conversation.create({ data: { userId: user.id } });
      // One message on the 10th of each month from January 2026 to June 2027 (18 months).
      for (let month = 0; month < 18; month++)
        await db.message.create({
          data: {
            conversationId: conversation.id,
            role: "USER",
            userId: user.id,
            content: `month ${month}`,
            createdAt: new Date(Date.UTC(2026, month, 10)),
          },
        });

      // Before April 2027 (hot: April, May, June): 15 messages, 4 a batch, at most 2 batches this run.
      const first = await registered("archive-history").run(
        { data: { hotMonths: 2, archiveMonths: null, batchSize: 4, maxBatches: 2 } } as Job,
        deps,
      );
      expect(first).toMatchObject({ messages: 8, batches: 2, more: true, monthsCreated: 16 });
      // January 2026 through March 2027, and April 2027 ahead of its turn.
      expect(await partitions()).toHaveLength(16);
      expect((await partitions()).at(-1)).toBe("messages_2027_04");

      const second = await registered("archive-history").run(
        { data: { hotMonths: 2, archiveMonths: 12, batchSize: 4, maxBatches: 10 } } as Job,
        deps,
      );
      // Archived months that ended before June 2026 go: January to May 2026.
      expect(second).toEqual({
        messages: 7,
        aiResponses: 0,
        batches: 2,
        more: false,
        monthsCreated: 0,
        monthsDropped: ["2026_01", "2026_02", "2026_03", "2026_04", "2026_05"],
      });
      expect(
        (await db.message.findMany({ where: { conversationId: conversation.id }, orderBy: { createdAt: "asc" } })).map(
          (row) => row.content,
        ),
      ).toEqual(["month 15", "month 16", "month 17"]);
      expect(
        await owner.$queryRaw`SELECT count(*)::int AS n FROM archive.messages WHERE conversation_id = ${conversation.id}::uuid`,
      ).toEqual([{ n: 10 }]);
    } finally {
      await close();
    }
  });
});
