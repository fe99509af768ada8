import { describe, expect, it } from "vitest";

import { MAX_DOCUMENTS_PER_USER, type TDocument } from "@cto/contracts/api/documents";
import { documentJobId, documentStorageKey } from "@cto/contracts/queues";
import { embedOwners } from "@cto/core/embeddings";
import { malformedPdf, sampleDocx, samplePdf, zip } from "@cto/core/testing/documents";
import { StorageError } from "@cto/storage/errors";
import type { TStorage } from "@cto/storage/storage";

import { appWith } from "./analysis-fixtures.ts";
import { sameSession, signUp, type TUser } from "./support/api.ts";
import { WEB_ORIGIN } from "./harness.ts";
import { useUploadApi } from "./support/uploads.ts";

const MAX_BYTES = 50_000;

const {
  api,
  storage,
  queues,
  storedFiles,
  users: [alice, bob],
} = useUploadApi("documents", { maxDocumentBytes: MAX_BYTES });

/** POSTs a multipart body the way a browser's FormData upload does. */
const upload = async (
  client: { cookie: string },
  file: Uint8Array | null,
  name: string,
  { harness = api, type = "application/octet-stream" } = {},
) => {
  const form = new FormData();
  if (file) form.append("file", new Blob([file as Uint8Array<ArrayBuffer>], { type }), name);
  else form.append("note", "no file here");
  const response = await harness.app.request("/documents", {
    method: "POST",
    headers: { origin: WEB_ORIGIN, cookie: client.cookie },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
};
const text = (value: string) => new TextEncoder().encode(value);
const documentsOf = (user: TUser) => api.db.document.count({ where: { userId: user.userId } });

describe("documents: upload", () => {
  it.each([
    ["a PDF", samplePdf(["My CV: ten years of backend work"]), "cv.pdf", "pdf", "application/pdf"],
    [
      "a Word document",
      sampleDocx(["Performance review 2026", "Strong delivery; grow as a mentor."]),
      "review.docx",
      "docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    ["Markdown", text("# Notes\n\n- ask for a raise in March\n"), "notes.md", "markdown", "text/markdown"],
    ["plain text", text("Meeting notes: ship the beta by Friday."), "notes.txt", "text", "text/plain"],
  ])("stores %s, answers 202 pending and queues its reading", async (_label, bytes, name, kind, mimeType) => {
    const response = await upload(alice, bytes, name);
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    const document = response.body as TDocument;
    expect(document).toMatchObject({
      filename: name,
      kind,
      mimeType,
      sizeBytes: bytes.byteLength,
      status: "pending",
      errorMessage: null,
      chunkCount: 0,
      embeddedChunks: 0,
    });
    const row = await api.db.document.findUniqueOrThrow({ where: { id: document.id } });
    expect(row.userId).toBe(alice.userId);
    // The id the worker's documents/sweep derives from the row when a Redis failover lost this job.
    const job = await queues.queue("documents").getJob(documentJobId(document.id, row.queuedAt));
    expect(job?.name).toBe("ingest");
    expect(job?.data).toEqual({ userId: alice.userId, documentId: document.id });
    expect(new Uint8Array((await storage.get(documentStorageKey(alice.userId, document.id))).body)).toEqual(bytes);

    const listed = await alice.request("GET", "/documents");
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: TDocument) => item.id)).toContain(document.id);
    const detail = await alice.request("GET", `/documents/${document.id}`);
    expect(detail.body).toMatchObject({ id: document.id, status: "pending", chunks: [] });
  });

  it("keeps only the name of the file, without folders or control characters", async () => {
    const response = await upload(alice, text("plain"), "..\\..\\secret\u0007/notes\u0000 .txt");
    expect(response.status).toBe(202);
    expect(response.body.filename).toBe("notes .txt");
  });
});

describe("documents: refusals store nothing", () => {
  it.each([
    [
      "a PNG image",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      "photo.png",
      /"png" files are not/,
    ],
    [
      "a spreadsheet (a ZIP without word/document.xml)",
      zip({ "xl/workbook.xml": "<workbook/>" }),
      "sheet.xlsx",
      /not a Word document/,
    ],
    [
      "an old .doc file",
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
      "old.doc",
      /save it as \.docx/,
    ],
    ["text that is not UTF-8", new Uint8Array([0x48, 0x69, 0xff, 0xfe, 0x00]), "notes.txt", /not UTF-8 text/],
  ])("refuses %s with 415 and a reason", async (_label, bytes, name, reason) => {
    const [files, count] = [await storedFiles(), await documentsOf(alice)];
    const response = await upload(alice, bytes, name);
    expect(response.status).toBe(415);
    expect(response.body.error).toMatchObject({
      code: "unsupported_media_type",
      message: expect.stringMatching(reason),
    });
    expect(await storedFiles()).toBe(files);
    expect(await documentsOf(alice)).toBe(count);
  });

  it("answers 413 to a file over the limit, 400 to an empty one or none, 415 to a body that is not multipart", async () => {
    const [files, count] = [await storedFiles(), await documentsOf(alice)];
    const big = new Uint8Array(MAX_BYTES + 1).fill(0x61);
    const tooLarge = await upload(alice, big, "long.txt");
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe("payload_too_large");
    // Far over the limit: the body limit stops the stream before it is read whole.
    expect((await upload(alice, new Uint8Array(MAX_BYTES * 4).fill(0x61), "longer.txt")).status).toBe(413);

    const empty = await upload(alice, new Uint8Array(0), "empty.txt");
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toEqual([{ path: "file", message: "empty file" }]);
    const none = await upload(alice, null, "");
    expect(none.status).toBe(400);
    expect(none.body.error.details).toEqual([{ path: "file", message: "a file is required" }]);
    const json = await alice.request("POST", "/documents", { file: "cv.pdf" });
    expect(json.status).toBe(415);
    expect(await storedFiles()).toBe(files);
    expect(await documentsOf(alice)).toBe(count);
  });

  it("refuses one document over the most a user keeps with 409", async () => {
    const carol = await signUp(api, "carol");
    await api.db.document.createMany({
      data: Array.from({ length: MAX_DOCUMENTS_PER_USER }, (_, i) => ({
        userId: carol.userId,
        filename: `n${i}.txt`,
        kind: "TEXT" as const,
        mimeType: "text/plain",
        sizeBytes: 1,
        status: "READY" as const,
      })),
    });
    const response = await upload(carol, text("one more"), "more.txt");
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/delete one/);
    expect(await documentsOf(carol)).toBe(MAX_DOCUMENTS_PER_USER);
    // One page holds them all by default; a smaller one continues from its nextCursor, newest first.
    const all = await carol.request("GET", "/documents");
    expect(all.body.items).toHaveLength(MAX_DOCUMENTS_PER_USER);
    expect(all.body.nextCursor).toBeNull();
    const first = await carol.request("GET", "/documents?limit=60");
    expect(first.body.items).toHaveLength(60);
    const rest = await carol.request("GET", `/documents?limit=60&cursor=${first.body.nextCursor}`);
    expect(rest.body.nextCursor).toBeNull();
    expect([...first.body.items, ...rest.body.items].map((item: TDocument) => item.id)).toEqual(
      all.body.items.map((item: TDocument) => item.id),
    );
    expect((await carol.request("GET", `/documents?limit=${MAX_DOCUMENTS_PER_USER + 1}`)).status).toBe(400);
  });

  it("answers 401 without a session", async () => {
    expect((await upload({ cookie: "" }, text("x"), "x.txt")).status).toBe(401);
    expect((await api.app.request("/documents")).status).toBe(401);
  });
});

describe("documents: outages", () => {
  it("answers 503 and keeps no row when storage fails", async () => {
    const broken: TStorage = {
      ...storage,
      put: async () => {
        throw new StorageError("unavailable", "disk gone");
      },
    };
    const count = await documentsOf(alice);
    const response = await upload(alice, text("notes"), "n.txt", {
      harness: appWith(api, { storage: broken, queues }),
    });
    expect(response.status).toBe(503);
    expect(await documentsOf(alice)).toBe(count);
  });

  it("without Redis keeps the document pending for the worker's sweep", async () => {
    const noRedis = appWith(api, { storage, queues: null });
    const response = await upload(sameSession(alice, noRedis), text("notes"), "offline.txt", { harness: noRedis });
    expect(response.status).toBe(202);
    expect((await api.db.document.findUniqueOrThrow({ where: { id: response.body.id } })).status).toBe("PENDING");
  });
});

describe("documents: ownership and deletion", () => {
  /** A document as the worker leaves it: chunks stored and embedded with the configured model. */
  const readyDocument = async (user: TUser, content: string) => {
    const { body } = await upload(user, text(content), "ready.txt");
    const chunk = await api.db.documentChunk.create({ data: { documentId: body.id, chunkIndex: 0, content } });
    await embedOwners(
      api.db,
      { model: api.ai.embeddingModel, embed: async (texts) => (await api.ai.embed(texts)).vectors },
      [{ ownerKind: "DOCUMENT_CHUNK", ownerId: chunk.id }],
    );
    await api.db.document.update({
      where: { id: body.id },
      data: { status: "READY", chunkCount: 1, embeddedChunks: 1 },
    });
    return { documentId: body.id as string, chunkId: chunk.id };
  };

  it("hides another user's document (404 to read and delete) and leaves it whole", async () => {
    const { documentId } = await readyDocument(alice, "Alice's private appraisal notes");
    expect((await bob.request("GET", `/documents/${documentId}`)).status).toBe(404);
    expect((await bob.request("DELETE", `/documents/${documentId}`)).status).toBe(404);
    expect((await bob.request("GET", "/documents")).body.items).toEqual([]);
    // Another user's document is no cursor of this list: paging from it would tell where it sits.
    const paged = await bob.request("GET", `/documents?cursor=${documentId}`);
    expect(paged.status).toBe(400);
    expect(paged.body.error?.details).toEqual([{ path: "cursor", message: expect.stringMatching(/nextCursor/) }]);
    const search = await bob.request("GET", "/search?q=appraisal%20notes&scope=memory");
    expect(search.body.memory).toEqual([]);
    expect(await api.db.document.count({ where: { id: documentId } })).toBe(1);
  });

  it("is found by search under its document, and deleting it removes its chunks, embeddings and file", async () => {
    const { documentId, chunkId } = await readyDocument(alice, "Negotiation plan: ask for a senior title in March");
    const search = await alice.request("GET", "/search?q=negotiation%20plan%20senior%20title&kinds=document_chunk");
    expect(search.status).toBe(200);
    expect(search.body.memory[0]).toMatchObject({
      ownerKind: "document_chunk",
      ownerId: chunkId,
      parentId: documentId,
      content: expect.stringContaining('From the document "ready.txt":'),
    });
    const detail = await alice.request("GET", `/documents/${documentId}`);
    expect(detail.body).toMatchObject({ status: "ready", chunkCount: 1, embeddedChunks: 1 });
    expect(detail.body.chunks).toEqual([
      { id: chunkId, chunkIndex: 0, page: null, content: "Negotiation plan: ask for a senior title in March" },
    ]);

    const deleted = await alice.request("DELETE", `/documents/${documentId}`);
    expect(deleted.status).toBe(204);
    expect(await api.db.documentChunk.count({ where: { documentId } })).toBe(0);
    expect(await api.db.embedding.count({ where: { ownerKind: "DOCUMENT_CHUNK", ownerId: chunkId } })).toBe(0);
    await expect(storage.get(documentStorageKey(alice.userId, documentId))).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await alice.request("GET", `/documents/${documentId}`)).status).toBe(404);
    const after = await alice.request("GET", "/search?q=negotiation%20plan%20senior%20title&kinds=document_chunk");
    expect(after.body.memory.map((match: { ownerId: string }) => match.ownerId)).not.toContain(chunkId);
  });

  it("is cited in a chat reply, the source naming its document", async () => {
    const { documentId, chunkId } = await readyDocument(alice, "Performance review: promote Alice to staff engineer");
    const { body: conversation } = await alice.request("POST", "/conversations", { title: "Review" });
    const response = await api.app.request(`/conversations/${conversation.id}/chat`, {
      method: "POST",
      headers: { origin: WEB_ORIGIN, cookie: alice.cookie, "content-type": "application/json" },
      body: JSON.stringify({ content: "What did my performance review say about being promoted to staff engineer?" }),
    });
    expect(response.status).toBe(200);
    const done = (await response.text()).split("\n\n").find((block) => block.startsWith("event: done"));
    const data = JSON.parse(
      done!
        .split("\n")
        .find((line) => line.startsWith("data: "))!
        .slice(6),
    );
    expect(data.sources).toContainEqual(
      expect.objectContaining({ kind: "memory", id: chunkId, ownerKind: "document_chunk", parentId: documentId }),
    );
  });

  it("deleting a malformed id answers 400 with the path", async () => {
    const response = await alice.request("DELETE", "/documents/not-a-uuid");
    expect(response.status).toBe(400);
  });
});

// Documents go with the account (the database cascades); the file of one not yet read is deleted with it.
describe("documents: account deletion", () => {
  it("removes the documents, their chunks and a waiting upload", async () => {
    const dave = await signUp(api, "dave");
    const { body } = await upload(dave, samplePdf(["Dave's CV"]), "cv.pdf");
    await api.db.documentChunk.create({ data: { documentId: body.id, chunkIndex: 0, content: "Dave's CV" } });
    const response = await dave.request("DELETE", "/me", { password: "correct horse battery" });
    expect(response.status).toBe(204);
    expect(await api.db.document.count({ where: { id: body.id } })).toBe(0);
    expect(await api.db.documentChunk.count({ where: { documentId: body.id } })).toBe(0);
    await expect(storage.get(documentStorageKey(dave.userId, body.id))).rejects.toMatchObject({ code: "not_found" });
  });
});

// The API takes a damaged PDF as a PDF (its header says so): the worker finds it cannot be read and fails it with a reason.
it("accepts a PDF that will turn out damaged: the worker, not the upload, reads it", async () => {
  const response = await upload(alice, malformedPdf(), "broken.pdf");
  expect(response.status).toBe(202);
  expect(response.body.kind).toBe("pdf");
});
