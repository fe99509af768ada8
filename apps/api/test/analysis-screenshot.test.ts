import { readdir } from "node:fs/promises";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { ocrJobId } from "@cto/contracts/queues";
import type { TQueues } from "@cto/queue/queues";
import { StorageError } from "@cto/storage/errors";
import { createS3Storage } from "@cto/storage/s3";
import { startS3StandIn } from "@cto/storage/testing";
import type { TStorage } from "@cto/storage/storage";

import { appWith, GIF, pngImage, upload } from "./analysis-fixtures.ts";
import { signUp } from "./support/api.ts";
import { useUploadApi } from "./support/uploads.ts";

const MAX_BYTES = 50_000;

const {
  api,
  root,
  storage,
  queues,
  storedFiles,
  users: [alice, bob],
} = useUploadApi("ocr", { maxScreenshotBytes: MAX_BYTES });

const newScreenshotSession = async (client = alice) =>
  (await client.request("POST", "/analysis-sessions", { type: "screenshot" })).body as { id: string };
const rowOf = (id: string) => api.db.analysisSession.findUniqueOrThrow({ where: { id } });
const ocrJobs = async () => (await queues.queue("ocr").getJobs(["waiting", "delayed", "active"])).length;

describe("screenshot upload: happy path", () => {
  it("stores the image, moves the session to analysis_in_progress, queues the OCR and serves the image back", async () => {
    const session = await newScreenshotSession();
    const image = pngImage(390, 844);
    const response = await upload(api, alice, session.id, image);
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    expect(response.body).toMatchObject({
      session: {
        id: session.id,
        status: "analysis_in_progress",
        screenshotUrl: `/analysis-sessions/${session.id}/screenshot`,
        ocrResult: null,
      },
      screenshot: { contentType: "image/png", bytes: image.byteLength, width: 390, height: 844 },
    });
    const job = await queues.queue("ocr").getJob(response.body.ocrJobId);
    expect(job?.name).toBe("recognize");
    expect(job?.data).toEqual({
      userId: alice.userId,
      analysisSessionId: session.id,
      storageKey: `screenshots/${alice.userId}/${session.id}`,
    });
    // The id the worker's ocr/sweep derives from the row when a Redis failover lost this job.
    expect(response.body.ocrJobId).toBe(ocrJobId(session.id, (await rowOf(session.id)).lastActivity));

    const preview = await api.app.request(`/analysis-sessions/${session.id}/screenshot`, {
      headers: { cookie: alice.cookie },
    });
    expect(preview.status).toBe(200);
    expect(preview.headers.get("content-type")).toBe("image/png");
    expect(preview.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await preview.arrayBuffer())).toEqual(image);
    expect((await alice.request("GET", `/analysis-sessions/${session.id}/ocr`)).body).toEqual({
      status: "analysis_in_progress",
      hasScreenshot: true,
      pending: true,
      lastAttempt: null,
    });
    // Suggestions wait for the OCR: the text is not the user's checked conversation yet.
    await alice.request("POST", `/analysis-sessions/${session.id}/messages`, {
      text: "typed meanwhile",
      author: "contact",
    });
    const early = await alice.request("POST", `/analysis-sessions/${session.id}/suggestions`);
    expect(early.status).toBe(409);
    expect(early.body.error?.message).toMatch(/still being read/);
  });

  it("accepts a JPEG by its bytes whatever the part says, from previewing_screenshot too", async () => {
    const session = await newScreenshotSession();
    await alice.request("POST", `/analysis-sessions/${session.id}/transition`, { status: "previewing_screenshot" });
    const jpeg = new Uint8Array([
      0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0, 20, 0, 10, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9,
    ]);
    const response = await upload(api, alice, session.id, jpeg, { type: "application/octet-stream", name: "x.bin" });
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    expect(response.body.screenshot).toMatchObject({ contentType: "image/jpeg", width: 10, height: 20 });
  });
});

describe("screenshot upload: refused requests change nothing", () => {
  const expectUntouched = async (id: string, filesBefore: number, jobsBefore: number) => {
    expect(await rowOf(id)).toMatchObject({ status: "PENDING_USER_INPUT", screenshotUrl: null });
    expect(await storedFiles()).toBe(filesBefore);
    expect(await ocrJobs()).toBe(jobsBefore);
  };

  it("415 for a file that is not PNG/JPEG/WebP (even labelled image/png) and for a body that is not multipart", async () => {
    const session = await newScreenshotSession();
    const [files, jobs] = [await storedFiles(), await ocrJobs()];
    const gif = await upload(api, alice, session.id, GIF, { type: "image/png" });
    expect(gif.status).toBe(415);
    expect(gif.body.error).toMatchObject({
      code: "unsupported_media_type",
      message: expect.stringMatching(/PNG, JPEG and WebP/),
    });
    const svg = await upload(
      api,
      alice,
      session.id,
      new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'></svg>"),
      { type: "image/svg+xml" },
    );
    expect(svg.status).toBe(415);
    const json = await alice.request("POST", `/analysis-sessions/${session.id}/screenshot`, { file: "iVBORw0KGgo=" });
    expect(json.status).toBe(415);
    expect(json.body.error?.message).toMatch(/multipart\/form-data/);
    await expectUntouched(session.id, files, jobs);
  });

  it("400 without a file part or with an empty file", async () => {
    const session = await newScreenshotSession();
    const [files, jobs] = [await storedFiles(), await ocrJobs()];
    const missing = await upload(api, alice, session.id, null);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({
      code: "validation_failed",
      details: [{ path: "file", message: "a file is required" }],
    });
    expect((await upload(api, alice, session.id, new Uint8Array())).status).toBe(400);
    await expectUntouched(session.id, files, jobs);
  });

  it("413 for a file over the limit, whether the part or the whole body is too large", async () => {
    const session = await newScreenshotSession();
    const [files, jobs] = [await storedFiles(), await ocrJobs()];
    const big = new Uint8Array(MAX_BYTES + 1);
    big.set(pngImage(), 0);
    const response = await upload(api, alice, session.id, big);
    expect(response.status).toBe(413);
    expect(response.body.error?.code).toBe("payload_too_large");
    const huge = new Uint8Array(MAX_BYTES + 200_000);
    huge.set(pngImage(), 0);
    expect((await upload(api, alice, session.id, huge)).status).toBe(413);
    await expectUntouched(session.id, files, jobs);
  });

  it("409 for a text session and for a screenshot session past the upload step", async () => {
    const text = (await alice.request("POST", "/analysis-sessions", { type: "text" })).body;
    const refused = await upload(api, alice, text.id, pngImage());
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "invalid_state", message: expect.stringMatching(/text session/) });
    const session = await newScreenshotSession();
    await api.db.analysisSession.update({ where: { id: session.id }, data: { status: "VERIFYING_OCR" } });
    const late = await upload(api, alice, session.id, pngImage());
    expect(late.status).toBe(409);
    expect((await rowOf(session.id)).status).toBe("VERIFYING_OCR");
  });

  it("404 for another user's session on every screenshot route, and 401 signed out", async () => {
    const session = await newScreenshotSession(alice);
    expect((await upload(api, bob, session.id, pngImage())).status).toBe(404);
    expect((await bob.request("GET", `/analysis-sessions/${session.id}/screenshot`)).status).toBe(404);
    expect((await bob.request("GET", `/analysis-sessions/${session.id}/ocr`)).status).toBe(404);
    expect((await bob.request("POST", `/analysis-sessions/${session.id}/ocr/retry`)).status).toBe(404);
    expect((await upload(api, { cookie: "" }, session.id, pngImage())).status).toBe(401);
    expect((await rowOf(session.id)).status).toBe("PENDING_USER_INPUT");
  });

  it("503 without queues: nothing is stored and the session stays where it was", async () => {
    const noQueues = appWith(api, { storage, queues: null });
    const session = await newScreenshotSession();
    const [files, jobs] = [await storedFiles(), await ocrJobs()];
    const response = await upload(noQueues, alice, session.id, pngImage());
    expect(response.status).toBe(503);
    expect(response.body.error).toMatchObject({
      code: "service_unavailable",
      message: expect.stringMatching(/nothing was stored/),
    });
    await expectUntouched(session.id, files, jobs);
  });

  it("503 when storage fails, and when the job cannot be queued: the session is put back, no job, no dangling URL", async () => {
    const failing: TStorage = {
      ...storage,
      put: async () => Promise.reject(new StorageError("unavailable", "disk full")),
    };
    const session = await newScreenshotSession();
    const [files, jobs] = [await storedFiles(), await ocrJobs()];
    const stored = await upload(appWith(api, { storage: failing, queues }), alice, session.id, pngImage());
    expect(stored.status).toBe(503);
    expect(stored.body.error?.message).toMatch(/could not be stored; nothing was changed/);
    await expectUntouched(session.id, files, jobs);

    const brokenQueues: TQueues = {
      ...queues,
      enqueue: async () => Promise.reject(new Error("Connection is closed.")),
    };
    const queued = await upload(appWith(api, { storage, queues: brokenQueues }), alice, session.id, pngImage());
    expect(queued.status).toBe(503);
    expect(await rowOf(session.id)).toMatchObject({ status: "PENDING_USER_INPUT", screenshotUrl: null });
    expect(await ocrJobs()).toBe(jobs);
    expect((await alice.request("GET", `/analysis-sessions/${session.id}/ocr`)).body).toMatchObject({
      pending: false,
      lastAttempt: null,
    });
  });
});

describe("after the upload: OCR status, retry, preview and deletion", () => {
  it("shows why the OCR failed, retries it from error with the stored image, and refuses a retry with nothing stored", async () => {
    const session = await newScreenshotSession();
    expect((await upload(api, alice, session.id, pngImage())).status).toBe(202);
    // What the worker does when OCR fails: the session to error, the reason in the audit log.
    await api.db.analysisSession.update({ where: { id: session.id }, data: { status: "ERROR" } });
    await api.db.auditLog.create({
      data: {
        userId: alice.userId,
        actionType: "analyze",
        actionCategory: "agent",
        entityType: "analysis_session",
        entityId: session.id,
        status: "failed",
        errorMessage: "No chat text was found in the screenshot.",
      },
    });
    expect((await alice.request("GET", `/analysis-sessions/${session.id}/ocr`)).body).toMatchObject({
      status: "error",
      hasScreenshot: true,
      pending: false,
      lastAttempt: { ok: false, message: "No chat text was found in the screenshot.", at: expect.any(Number) },
    });

    const retried = await alice.request("POST", `/analysis-sessions/${session.id}/ocr/retry`);
    expect(retried.status, JSON.stringify(retried.body)).toBe(202);
    expect(retried.body.session.status).toBe("analysis_in_progress");
    expect((await queues.queue("ocr").getJob(retried.body.ocrJobId))?.data.analysisSessionId).toBe(session.id);
    // Pending again, and the failed run is still the last one finished.
    expect((await alice.request("GET", `/analysis-sessions/${session.id}/ocr`)).body).toMatchObject({
      pending: true,
      lastAttempt: { ok: false },
    });
    expect((await alice.request("POST", `/analysis-sessions/${session.id}/ocr/retry`)).status).toBe(409);

    const empty = await newScreenshotSession();
    await api.db.analysisSession.update({ where: { id: empty.id }, data: { status: "ERROR" } });
    const nothing = await alice.request("POST", `/analysis-sessions/${empty.id}/ocr/retry`);
    expect(nothing.status).toBe(409);
    expect(nothing.body.error?.message).toMatch(/no stored screenshot/);
    expect((await alice.request("GET", `/analysis-sessions/${empty.id}/screenshot`)).status).toBe(404);
    // A URL set by hand is not an upload.
    await alice.request("PATCH", `/analysis-sessions/${empty.id}`, { screenshotUrl: "https://example.com/chat.png" });
    expect((await alice.request("GET", `/analysis-sessions/${empty.id}/ocr`)).body).toMatchObject({
      hasScreenshot: false,
    });
  });

  it("keeps the image in the trash and deletes it with the session", async () => {
    const session = await newScreenshotSession();
    await upload(api, alice, session.id, pngImage());
    const key = path.join(root, "screenshots", alice.userId, session.id);
    await alice.request("DELETE", `/analysis-sessions/${session.id}`);
    expect((await readdir(path.dirname(key))).includes(session.id)).toBe(true);
    expect((await alice.request("DELETE", `/analysis-sessions/${session.id}?permanent=true`)).status).toBe(204);
    expect((await readdir(path.dirname(key))).includes(session.id)).toBe(false);
  });

  it("works the same through the session cookie's origin check: a foreign origin cannot upload", async () => {
    const session = await newScreenshotSession();
    const form = new FormData();
    form.append("file", new Blob([pngImage() as Uint8Array<ArrayBuffer>], { type: "image/png" }), "a.png");
    const response = await api.app.request(`/analysis-sessions/${session.id}/screenshot`, {
      method: "POST",
      headers: { origin: "https://evil.example", cookie: alice.cookie },
      body: form,
    });
    expect(response.status).toBe(403);
    expect((await rowOf(session.id)).status).toBe("PENDING_USER_INPUT");
  });
});

describe("screenshots and account deletion", () => {
  it("deleting the account deletes its uploaded screenshots, and only its own", async () => {
    const carol = await signUp(api, "carol");
    const hers = await newScreenshotSession(carol);
    const his = await newScreenshotSession(bob);
    expect((await upload(api, carol, hers.id, pngImage())).status).toBe(202);
    expect((await upload(api, bob, his.id, pngImage())).status).toBe(202);
    const before = await storedFiles();
    expect((await carol.request("DELETE", "/me", { password: "correct horse battery" })).status).toBe(204);
    expect(await storedFiles()).toBe(before - 1);
    await expect(storage.get(`screenshots/${carol.userId}/${hers.id}`)).rejects.toBeInstanceOf(StorageError);
    expect((await storage.get(`screenshots/${bob.userId}/${his.id}`)).body.byteLength).toBeGreaterThan(0);
  });
});

describe("screenshot upload to an S3-compatible store", () => {
  it("puts the image in the bucket under the session's key and serves it back from there", async () => {
    const standIn = await startS3StandIn({ bucket: "cto-uploads" });
    try {
      const s3 = createS3Storage({
        bucket: "cto-uploads",
        region: "auto",
        endpoint: standIn.endpoint,
        accessKeyId: "AKIDTEST",
        secretAccessKey: "secret",
        forcePathStyle: true,
      });
      const viaS3 = appWith(api, { storage: s3, queues });
      const session = await newScreenshotSession();
      const image = pngImage(20, 30);
      expect((await upload(viaS3, alice, session.id, image)).status).toBe(202);
      const key = `screenshots/${alice.userId}/${session.id}`;
      expect(standIn.objects.get(key)).toEqual({ body: Buffer.from(image), contentType: "image/png" });
      const preview = await viaS3.app.request(`/analysis-sessions/${session.id}/screenshot`, {
        headers: { cookie: alice.cookie },
      });
      expect(new Uint8Array(await preview.arrayBuffer())).toEqual(image);
      standIn.failWith(500);
      expect(
        (await viaS3.app.request(`/analysis-sessions/${session.id}/screenshot`, { headers: { cookie: alice.cookie } }))
          .status,
      ).toBe(503);
    } finally {
      await standIn.close();
    }
  });
});
