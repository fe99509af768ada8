import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { isStorageError } from "./errors.ts";
import { newStorageKey } from "./keys.ts";
import { createS3Storage } from "./s3.ts";
import { startS3StandIn } from "./s3-stand-in.test-helper.ts";
import type { TStorage } from "./storage.ts";

const BUCKET = "cto-uploads";
let standIn: Awaited<ReturnType<typeof startS3StandIn>>;
let storage: TStorage;

beforeAll(async () => {
  standIn = await startS3StandIn({ bucket: BUCKET });
  storage = createS3Storage({
    bucket: BUCKET,
    region: "auto",
    endpoint: standIn.endpoint,
    accessKeyId: "AKIDTEST",
    secretAccessKey: "secret",
    forcePathStyle: true,
  });
});
afterAll(async () => standIn?.close());

describe("S3 storage through the real SDK against a path-style stand-in", () => {
  it("puts, gets and deletes an object with its content type, signed with the configured key", async () => {
    const key = newStorageKey("screenshots/user-1", "png");
    const body = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await storage.put(key, body, { contentType: "image/png" });
    const put = standIn.requests.at(-1)!;
    expect(put).toMatchObject({ method: "PUT", path: `/${BUCKET}/${key}` });
    expect(put.headers.authorization).toContain("Credential=AKIDTEST/");
    expect(standIn.objects.get(key)).toEqual({ body: Buffer.from(body), contentType: "image/png" });

    expect(await storage.get(key)).toEqual({ body, contentType: "image/png" });
    await storage.delete(key);
    expect(standIn.objects.has(key)).toBe(false);
    await storage.delete(key); // idempotent
  });

  it("answers not_found for a missing key and unavailable when the store fails", async () => {
    const missing = newStorageKey("screenshots", "png");
    await expect(storage.get(missing)).rejects.toSatisfy((error) => isStorageError(error, "not_found"));
    standIn.failWith(503);
    try {
      await expect(storage.put(missing, new Uint8Array([1]), { contentType: "image/png" })).rejects.toSatisfy((error) =>
        isStorageError(error, "unavailable"),
      );
      await expect(storage.get(missing)).rejects.toSatisfy((error) => isStorageError(error, "unavailable"));
    } finally {
      standIn.failWith(undefined);
    }
    expect(standIn.objects.has(missing)).toBe(false);
  });

  it("reports a wrong bucket as unavailable on writes, and refuses keys it did not make", async () => {
    const wrong = createS3Storage({
      bucket: "nope",
      region: "auto",
      endpoint: standIn.endpoint,
      accessKeyId: "AKIDTEST",
      secretAccessKey: "secret",
      forcePathStyle: true,
    });
    await expect(
      wrong.put(newStorageKey("x", "png"), new Uint8Array([1]), { contentType: "image/png" }),
    ).rejects.toSatisfy((error) => isStorageError(error, "unavailable"));
    await expect(storage.get("../etc/passwd")).rejects.toSatisfy((error) => isStorageError(error, "invalid_key"));
  });
});
