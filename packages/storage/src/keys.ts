import { randomUUID } from "node:crypto";

import { StorageError } from "./errors.ts";

/**
 * Keys are made here, never taken from a user: lowercase segments of letters, digits and dashes,
 * joined by "/", with an optional extension. No "..", no leading "/", no backslashes — so a key can
 * never name a file outside the local root, and means the same thing on every S3-compatible store.
 */
const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}(\/[a-z0-9][a-z0-9-]{0,99}){0,7}(\.[a-z0-9]{1,10})?$/;

export const isValidKey = (key: string) => KEY_PATTERN.test(key);

export const assertValidKey = (key: string) => {
  if (!isValidKey(key))
    throw new StorageError("invalid_key", `Not a storage key: ${JSON.stringify(key.slice(0, 120))}.`);
};

/** A fresh, unguessable key under `folder` (e.g. "screenshots/<user>"), ending in `.extension`. */
export const newStorageKey = (folder: string, extension: string) => {
  const key = `${folder}/${randomUUID()}.${extension}`;
  assertValidKey(key);
  return key;
};

const CONTENT_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
};

/** The content type a key's extension stands for; the local driver has no metadata of its own. */
export const contentTypeOfKey = (key: string) =>
  CONTENT_TYPES[key.split(".").at(-1) ?? ""] ?? "application/octet-stream";
