import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { isStorageError } from "./errors.ts";
import { isValidKey, newStorageKey } from "./keys.ts";
import { createLocalStorage } from "./local.ts";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "cto-storage-"));
});
afterAll(async () => rm(root, { recursive: true, force: true }));

describe("local storage", () => {
  it("writes under the root, reads back with the content type of the key, and deletes idempotently", async () => {
    const storage = createLocalStorage({ root });
    const key = newStorageKey("screenshots/u1", "webp");
    await storage.put(key, new Uint8Array([1, 2, 3]), { contentType: "image/webp" });
    expect((await stat(path.join(root, key))).size).toBe(3);
    expect(await readdir(path.dirname(path.join(root, key)))).toEqual([path.basename(key)]); // no temporary file left
    expect(await storage.get(key)).toEqual({ body: new Uint8Array([1, 2, 3]), contentType: "image/webp" });
    await storage.delete(key);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toSatisfy((error) => isStorageError(error, "not_found"));
  });

  it("refuses keys that are not its own: traversal, absolute paths, odd characters", async () => {
    const storage = createLocalStorage({ root });
    for (const key of ["../outside.png", "/etc/passwd", "a/../../b", "a\\b", "UPPER/case", "", "a//b", "a/.hidden"]) {
      expect(isValidKey(key), key).toBe(false);
      await expect(storage.put(key, new Uint8Array([1]), { contentType: "image/png" })).rejects.toSatisfy((error) =>
        isStorageError(error, "invalid_key"),
      );
    }
    expect(isValidKey(newStorageKey("screenshots/0d4c7c1e-4c1f-4f7e-9d2a-1b2c3d4e5f60", "png"))).toBe(true);
  });

  it("reports an unwritable root as unavailable", async () => {
    const file = path.join(root, "not-a-folder");
    await writeFile(file, "x");
    const storage = createLocalStorage({ root: file });
    await expect(
      storage.put(newStorageKey("a", "png"), new Uint8Array([1]), { contentType: "image/png" }),
    ).rejects.toSatisfy((error) => isStorageError(error, "unavailable"));
  });
});
