import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { TJobData } from "@cto/contracts/queues";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";
import { createLocalStorage } from "@cto/storage/local";
import type { TStorage } from "@cto/storage/storage";

import { processOcrRecognize } from "../src/jobs/ocr.recognize.ts";
import { REGISTRY } from "../src/jobs/registry.ts";
import { startRuntime } from "../src/runtime.ts";
import { createOcrRecognizer } from "../src/services/ocr/recognizer.ts";
import { createTestDeps, memoryLogger, REDIS_URL, testPrefix, waitFor } from "./deps.ts";
import { launchChromium, renderChat, similarity, type Browser, type TChatLine } from "./ocr-render.ts";

const CONVERSATION: TChatLine[] = [
  { side: "left", text: "Hey, are we still on for dinner tonight?" },
  { side: "right", text: "Yes! Seven at the Italian place on Main Street?" },
  { side: "left", text: "Perfect, see you there" },
  { side: "right", text: "I will bring the book I told you about last week" },
  { side: "left", text: "Great, thanks" },
];

const ctx = useMigratedDatabase(testTargets()[0]!);
let browser: Browser;
let root: string;
let storage: TStorage;
let harness: ReturnType<typeof createTestDeps>;
const prefix = testPrefix("ocr");
const recognizer = createOcrRecognizer({ cachePath: path.join(tmpdir(), "cto-test-tesseract") });

beforeAll(async () => {
  browser = await launchChromium();
  root = await mkdtemp(path.join(tmpdir(), "cto-ocr-"));
  storage = createLocalStorage({ root });
  harness = createTestDeps({ prefix, db: ctx.db, storage, ocr: recognizer, log: memoryLogger().log });
});
afterAll(async () => {
  await harness?.close(["ocr"]);
  await browser?.close();
  await rm(root, { recursive: true, force: true });
});

/** A screenshot session in analysis with its image stored, as the upload route leaves it. */
const uploadedSession = async (image: Uint8Array | undefined) => {
  const user = await ctx.db.user.create({ data: { email: `ocr-${Date.now()}-${Math.random()}@example.com` } });
  const session = await ctx.db.analysisSession.create({
    data: { userId: user.id, type: "SCREENSHOT", status: "ANALYSIS_IN_PROGRESS" },
  });
  const storageKey = `screenshots/${user.id}/${session.id}`;
  if (image) await storage.put(storageKey, image, { contentType: "image/png" });
  return { userId: user.id, analysisSessionId: session.id, storageKey };
};
/** A real BullMQ job (in this file's own prefix; no Worker runs, so the processor is called directly). */
const jobFor = async (data: TJobData<"ocr", "recognize">) =>
  (await harness.queues.queue("ocr").add("recognize", data, { attempts: 2 })) as Job<TJobData<"ocr", "recognize">>;
const sessionOf = (id: string) => ctx.db.analysisSession.findUniqueOrThrow({ where: { id } });
const lastAudit = (entityId: string) =>
  ctx.db.auditLog.findFirst({ where: { entityId }, orderBy: { createdAt: "desc" } });

describe("ocr/recognize on chat screenshots rendered by Chromium", () => {
  it.each(["png", "jpeg"] as const)(
    "reads every bubble of a %s screenshot with its author, and waits for the user's check",
    async (format) => {
      const payload = await uploadedSession(await renderChat(browser, CONVERSATION, { format, header: "Alex" }));
      const result = await processOcrRecognize(await jobFor(payload), harness.deps);
      expect(result).toMatchObject({ items: expect.any(Number), stored: true });

      const session = await sessionOf(payload.analysisSessionId);
      expect(session.status).toBe("VERIFYING_OCR");
      const items = session.ocrResult as { id: string; text: string; author: string }[];
      // The header ("Alex") is centred and may be read as one more line; the bubbles must all be there, in order.
      const bubbles = items.filter((item) => similarity(item.text, "Alex") < 0.8);
      expect(bubbles.map((item) => item.author)).toEqual(
        CONVERSATION.map((line) => (line.side === "right" ? "user" : "contact")),
      );
      for (const [i, item] of bubbles.entries())
        expect(
          similarity(item.text, CONVERSATION[i]!.text),
          `"${item.text}" vs "${CONVERSATION[i]!.text}"`,
        ).toBeGreaterThan(0.85);
      expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
      expect(await lastAudit(payload.analysisSessionId)).toMatchObject({
        status: "completed",
        actionType: "analyze",
        entityType: "analysis_session",
      });
    },
  );

  it("reads a dark-mode chat (light text on dark bubbles) just as well", async () => {
    const payload = await uploadedSession(await renderChat(browser, CONVERSATION, { dark: true }));
    await processOcrRecognize(await jobFor(payload), harness.deps);
    const session = await sessionOf(payload.analysisSessionId);
    expect(session.status).toBe("VERIFYING_OCR");
    const items = session.ocrResult as { text: string; author: string }[];
    expect(items.map((item) => item.author)).toEqual(
      CONVERSATION.map((line) => (line.side === "right" ? "user" : "contact")),
    );
    for (const [i, item] of items.entries())
      expect(similarity(item.text, CONVERSATION[i]!.text), item.text).toBeGreaterThan(0.85);
  });

  it("does nothing the second time: a repeated job leaves the result the user may be checking", async () => {
    const payload = await uploadedSession(await renderChat(browser, CONVERSATION.slice(0, 2)));
    await processOcrRecognize(await jobFor(payload), harness.deps);
    const first = await sessionOf(payload.analysisSessionId);
    expect(await processOcrRecognize(await jobFor(payload), harness.deps)).toEqual({ skipped: true });
    expect((await sessionOf(payload.analysisSessionId)).ocrResult).toEqual(first.ocrResult);
  });

  it("fails the session with a readable message when there is no text, keeping the image for a retry", async () => {
    const payload = await uploadedSession(await renderChat(browser, []));
    const result = await processOcrRecognize(await jobFor(payload), harness.deps);
    expect(result).toEqual({ failed: expect.stringMatching(/No chat text was found/) });
    expect(await sessionOf(payload.analysisSessionId)).toMatchObject({ status: "ERROR", ocrResult: null });
    expect(await lastAudit(payload.analysisSessionId)).toMatchObject({
      status: "failed",
      errorMessage: expect.stringMatching(/No chat text was found/),
    });
    expect((await storage.get(payload.storageKey)).body.length).toBeGreaterThan(0);
  });

  it("fails the session when the upload is gone or is not an image, and refuses a key outside the user's folder", async () => {
    const gone = await uploadedSession(undefined);
    expect(await processOcrRecognize(await jobFor(gone), harness.deps)).toEqual({
      failed: expect.stringMatching(/no longer stored/),
    });
    expect((await sessionOf(gone.analysisSessionId)).status).toBe("ERROR");

    const text = await uploadedSession(new TextEncoder().encode("not an image at all"));
    expect(await processOcrRecognize(await jobFor(text), harness.deps)).toEqual({
      failed: expect.stringMatching(/not a PNG, JPEG or WebP/),
    });

    const victim = await uploadedSession(await renderChat(browser, CONVERSATION.slice(0, 1)));
    const attacker = await uploadedSession(undefined);
    expect(
      await processOcrRecognize(await jobFor({ ...attacker, storageKey: victim.storageKey }), harness.deps),
    ).toEqual({ failed: expect.any(String) });
    expect((await sessionOf(victim.analysisSessionId)).status).toBe("ANALYSIS_IN_PROGRESS");
  });

  it("retries passing storage failures and fails the session only on the last attempt", async () => {
    const payload = await uploadedSession(await renderChat(browser, CONVERSATION.slice(0, 1)));
    const broken: TStorage = {
      ...storage,
      get: async () => Promise.reject(Object.assign(new Error("disk on fire"), { code: "EIO" })),
    };
    const deps = { ...harness.deps, storage: broken };
    const job = await jobFor(payload);
    await expect(processOcrRecognize(job, deps)).rejects.toThrow("disk on fire");
    expect((await sessionOf(payload.analysisSessionId)).status).toBe("ANALYSIS_IN_PROGRESS");
    job.attemptsMade = 1; // the second and last of its two attempts
    await expect(processOcrRecognize(job, deps)).rejects.toThrow("disk on fire");
    expect((await sessionOf(payload.analysisSessionId)).status).toBe("ERROR");
    expect((await lastAudit(payload.analysisSessionId))?.errorMessage).toMatch(/retry the analysis/);
  });

  it("runs as a queued job through the worker runtime: enqueued with its contract, processed, session ready to check", async () => {
    const payload = await uploadedSession(await renderChat(browser, CONVERSATION.slice(0, 2)));
    const runtime = startRuntime({
      deps: harness.deps,
      redis: REDIS_URL,
      prefix,
      registry: REGISTRY,
      only: ["ocr"],
      concurrency: 1,
      lockDuration: 30_000,
      stalledInterval: 30_000,
    });
    try {
      await harness.queues.enqueue("ocr", "recognize", payload);
      const session = await waitFor(
        () => sessionOf(payload.analysisSessionId),
        (row) => row.status !== "ANALYSIS_IN_PROGRESS",
        60_000,
        200,
      );
      expect(session.status).toBe("VERIFYING_OCR");
      expect((session.ocrResult as { author: string }[]).map((item) => item.author)).toEqual(["contact", "user"]);
    } finally {
      await runtime.close();
    }
  });

  it("starts Tesseract lazily and can be ended and started again", async () => {
    const own = createOcrRecognizer({ cachePath: path.join(tmpdir(), "cto-test-tesseract") });
    await own.terminate(); // never started: nothing to end
    const image = await renderChat(browser, [{ side: "left", text: "Good morning" }]);
    expect((await own.recognize(image)).map((line) => line.text)).toEqual([expect.stringMatching(/Good morning/i)]);
    await own.terminate();
    expect((await own.recognize(image)).length).toBe(1);
    await own.terminate();
    await own.terminate();
  });
});
