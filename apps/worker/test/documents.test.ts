import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { documentJobId, documentStorageKey, type TJobData } from "@cto/contracts/queues";
import { countStaleOwners, reindexEmbeddings } from "@cto/core/embeddings";
import { malformedPdf, sampleDocx, samplePdf } from "@cto/core/testing/documents";
import type { DocumentKind } from "@cto/db/client";
import { testTargets, useMigratedDatabase } from "@cto/db/testing";
import { createLocalStorage } from "@cto/storage/local";
import type { TStorage } from "@cto/storage/storage";

import { processDocumentIngest } from "../src/jobs/documents.ingest.ts";
import { DOCUMENT_SWEEP_AFTER_MS, processDocumentSweep } from "../src/jobs/documents.sweep.ts";
import { SCHEDULES } from "../src/jobs/schedules.ts";
import { embedderFor } from "../src/services/embeddings/embedder.ts";
import { createTestDeps, testPrefix } from "./deps.ts";

const ctx = useMigratedDatabase(testTargets()[0]!);
let root: string;
let storage: TStorage;
let harness: ReturnType<typeof createTestDeps>;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "cto-documents-"));
  storage = createLocalStorage({ root });
  harness = createTestDeps({ prefix: testPrefix("documents"), db: ctx.db, storage });
});
afterAll(async () => {
  await harness?.close(["documents"]);
  await rm(root, { recursive: true, force: true });
});

/** A document as the upload route leaves it: a PENDING row and its file in storage. */
const uploaded = async (kind: DocumentKind, bytes: Uint8Array | null, filename = "file") => {
  const user = await ctx.db.user.create({ data: { email: `doc-${Date.now()}-${Math.random()}@example.com` } });
  const document = await ctx.db.document.create({
    data: { userId: user.id, filename, kind, mimeType: "application/octet-stream", sizeBytes: bytes?.byteLength ?? 0 },
  });
  if (bytes) await storage.put(documentStorageKey(user.id, document.id), bytes, { contentType: "application/pdf" });
  return { userId: user.id, documentId: document.id };
};
/** A real BullMQ job (no Worker runs; the processor is called directly) that records its progress. */
const jobFor = async (data: TJobData<"documents", "ingest">, attempts = 3) =>
  (await harness.queues.queue("documents").add("ingest", data, { attempts })) as Job<TJobData<"documents", "ingest">>;
const rowOf = (id: string) =>
  ctx.db.document.findUniqueOrThrow({ where: { id }, include: { chunks: { orderBy: { chunkIndex: "asc" } } } });
const embeddingsOf = async (documentId: string) =>
  ctx.db.embedding.findMany({
    where: {
      ownerKind: "DOCUMENT_CHUNK",
      ownerId: { in: (await ctx.db.documentChunk.findMany({ where: { documentId } })).map((chunk) => chunk.id) },
    },
  });
const fileGone = (payload: { userId: string; documentId: string }) =>
  expect(storage.get(documentStorageKey(payload.userId, payload.documentId))).rejects.toMatchObject({
    code: "not_found",
  });

describe("documents/ingest reads each kind into embedded chunks", () => {
  const long = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: shipped the billing migration on time.`).join(
    "\n\n",
  );
  it.each([
    ["PDF", samplePdf(["Curriculum vitae: Ada Lovelace", "Experience: analytical engines"]), 2, [1, 2]],
    ["DOCX", sampleDocx(["Performance review", "Ada mentors two engineers."]), null, [null]],
    ["MARKDOWN", new TextEncoder().encode(`# Notes\n\n${long}`), null, [null, null]],
    ["TEXT", new TextEncoder().encode("\uFEFFPlain notes: ask for feedback."), null, [null]],
  ] as const)("%s", async (kind, bytes, pageCount, pages) => {
    const payload = await uploaded(kind, bytes, `sample.${kind.toLowerCase()}`);
    const job = await jobFor(payload);
    const result = await processDocumentIngest(job, harness.deps);
    expect(result).toMatchObject({ ready: true, chunks: pages.length });

    const row = await rowOf(payload.documentId);
    expect(row).toMatchObject({ status: "READY", errorMessage: null, pageCount, chunkCount: pages.length });
    expect(row.embeddedChunks).toBe(pages.length);
    expect(row.chunks.map((chunk) => chunk.page)).toEqual(pages);
    for (const chunk of row.chunks) expect(chunk.content.length).toBeLessThanOrEqual(1_600);
    if (kind === "PDF")
      expect(row.chunks.map((chunk) => chunk.content)).toEqual([
        "Curriculum vitae: Ada Lovelace",
        "Experience: analytical engines",
      ]);
    if (kind === "DOCX") expect(row.chunks[0]!.content).toBe("Performance review\n\nAda mentors two engineers.");
    if (kind === "TEXT") expect(row.chunks[0]!.content).toBe("Plain notes: ask for feedback.");
    // One embedding a chunk under the worker's model, headed by the document's name (and page).
    const embeddings = await embeddingsOf(payload.documentId);
    expect(embeddings).toHaveLength(pages.length);
    expect(new Set(embeddings.map((embedding) => embedding.model))).toEqual(new Set([harness.deps.ai.embeddingModel]));
    expect(embeddings.every((embedding) => embedding.userId === payload.userId)).toBe(true);
    expect(embeddings.map((embedding) => embedding.content).sort()[0]).toMatch(
      kind === "PDF" ? /^From the document "sample\.pdf", page \d:\n/ : /^From the document "sample\.\w+":\n/,
    );
    expect(job.progress).toEqual({ embedded: pages.length, total: pages.length });
    await fileGone(payload);

    // A second run of the same job (a retry, a duplicate) changes nothing.
    expect(await processDocumentIngest(await jobFor(payload), harness.deps)).toEqual({ skipped: "READY" });
  });
});

describe("documents/ingest fails what cannot be read, with a reason and nothing left behind", () => {
  it.each([
    ["a damaged PDF", "PDF", malformedPdf(), /damaged or incomplete/],
    ["a password-protected PDF", "PDF", samplePdf(["secret salary"], { encrypt: true }), /protected with a password/],
    ["a PDF without text (a scan)", "PDF", samplePdf([""]), /No text was found in this PDF/],
    [
      "a damaged Word document",
      "DOCX",
      new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]),
      /could not be read as a Word document/,
    ],
    ["text that is not UTF-8", "TEXT", new Uint8Array([0x48, 0xff, 0xfe]), /not UTF-8 text/],
    ["a file no longer stored", "TEXT", null, /no longer stored/],
  ] as const)("%s", async (_label, kind, bytes, reason) => {
    const payload = await uploaded(kind, bytes);
    const result = await processDocumentIngest(await jobFor(payload), harness.deps);
    expect(result).toEqual({ failed: expect.stringMatching(reason) });
    const row = await rowOf(payload.documentId);
    expect(row.status).toBe("FAILED");
    expect(row.errorMessage).toMatch(reason);
    expect(row.chunks).toEqual([]);
    await fileGone(payload);
  });

  it("gives up only on the last attempt when a service fails, so no document stays pending", async () => {
    const payload = await uploaded("TEXT", new TextEncoder().encode("notes that need the model"));
    const down = {
      ...harness.deps,
      ai: { ...harness.deps.ai, embed: async () => Promise.reject(new Error("model down")) },
    };
    const job = await jobFor(payload, 2);
    await expect(processDocumentIngest(job, down)).rejects.toThrow("model down");
    expect((await rowOf(payload.documentId)).status).toBe("PROCESSING");
    // The file stays for the retry.
    expect((await storage.get(documentStorageKey(payload.userId, payload.documentId))).body.byteLength).toBeGreaterThan(
      0,
    );
    job.attemptsMade = 1;
    await expect(processDocumentIngest(job, down)).rejects.toThrow("model down");
    const row = await rowOf(payload.documentId);
    expect(row).toMatchObject({ status: "FAILED", errorMessage: expect.stringMatching(/service was unavailable/) });
    expect(row.chunks).toEqual([]);
    await fileGone(payload);
  });

  it("stops when the document is deleted meanwhile", async () => {
    const payload = await uploaded("TEXT", new TextEncoder().encode("short-lived"));
    await ctx.db.document.delete({ where: { id: payload.documentId } });
    expect(await processDocumentIngest(await jobFor(payload), harness.deps)).toEqual({ skipped: "missing" });
  });
});

describe("documents after a change of embedding model", () => {
  it("are embedded again by the embeddings sweep, like any other memory", async () => {
    const payload = await uploaded("TEXT", new TextEncoder().encode("Career notes: lead the platform team."));
    await processDocumentIngest(await jobFor(payload), harness.deps);
    const next = { ...embedderFor(harness.deps.ai), model: "next-embedding-model" };
    expect((await countStaleOwners(ctx.db, next.model, payload.userId)).DOCUMENT_CHUNK).toBe(1);
    await reindexEmbeddings(ctx.db, next, { userId: payload.userId });
    expect((await embeddingsOf(payload.documentId)).map((embedding) => embedding.model)).toEqual([next.model]);
  });
});

describe("documents/sweep", () => {
  it("re-queues a waiting document whose job Redis lost, and leaves held, fresh and finished ones alone", async () => {
    const now = new Date(Date.now() + 10 * DOCUMENT_SWEEP_AFTER_MS);
    const deps = { ...harness.deps, now: () => now };
    const lost = await uploaded("TEXT", new TextEncoder().encode("lost"));
    const held = await uploaded("TEXT", new TextEncoder().encode("held"));
    const fresh = await uploaded("TEXT", new TextEncoder().encode("fresh"));
    const ready = await uploaded("TEXT", new TextEncoder().encode("ready"));
    await ctx.db.document.update({ where: { id: fresh.documentId }, data: { queuedAt: now } });
    await ctx.db.document.update({ where: { id: ready.documentId }, data: { status: "READY" } });
    const heldRow = await rowOf(held.documentId);
    await harness.queues.enqueue("documents", "ingest", held, {
      jobId: documentJobId(held.documentId, heldRow.queuedAt),
    });

    await processDocumentSweep(await harness.queues.queue("documents").add("sweep", {}), deps);
    const queued = (await harness.queues.queue("documents").getJobs(["waiting", "delayed", "prioritized"]))
      .filter((job) => job.name === "ingest")
      .map((job) => job.data.documentId);
    expect(queued).toContain(lost.documentId);
    expect(queued.filter((id) => id === held.documentId)).toHaveLength(1);
    expect(queued).not.toContain(fresh.documentId);
    expect(queued).not.toContain(ready.documentId);
    const lostRow = await rowOf(lost.documentId);
    expect(
      await harness.queues.queue("documents").getJob(documentJobId(lost.documentId, lostRow.queuedAt)),
    ).toBeTruthy();
    expect(SCHEDULES.find((entry) => entry.queue === "documents" && entry.job === "sweep")?.repeat).toEqual({
      every: 60_000,
    });
  });
});
