import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import { StorageError } from "./errors.ts";
import { assertValidKey, contentTypeOfKey } from "./keys.ts";
import type { TStorage } from "./storage.ts";

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";

/**
 * Files under `root` (by default the data folder's `uploads/`). A put writes a temporary file next
 * to the target and renames it, so a reader never sees half an image and a crash leaves no torn file.
 */
export const createLocalStorage = ({ root }: { root: string }): TStorage => {
  const resolved = path.resolve(root);
  const fileOf = (key: string) => {
    assertValidKey(key);
    const file = path.resolve(resolved, key);
    // The key pattern already rules this out; the check keeps it true if the pattern ever changes.
    if (!file.startsWith(resolved + path.sep))
      throw new StorageError("invalid_key", "The key leaves the storage folder.");
    return file;
  };
  const unavailable = (action: string, key: string, cause: unknown) =>
    new StorageError("unavailable", `Could not ${action} ${key} in ${resolved}: ${(cause as Error).message}`, {
      cause,
    });

  return {
    driver: "local",
    put: async (key, body) => {
      const file = fileOf(key);
      const temporary = `${file}.${randomUUID()}.tmp`;
      try {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(temporary, body);
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw unavailable("write", key, error);
      }
    },
    get: async (key) => {
      const file = fileOf(key);
      try {
        return { body: new Uint8Array(await readFile(file)), contentType: contentTypeOfKey(key) };
      } catch (error) {
        if (isMissing(error)) throw new StorageError("not_found", `No stored object ${key}.`, { cause: error });
        throw unavailable("read", key, error);
      }
    },
    delete: async (key) => {
      const file = fileOf(key);
      try {
        await rm(file, { force: true });
      } catch (error) {
        throw unavailable("delete", key, error);
      }
    },
  };
};
