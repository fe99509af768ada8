import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { defaultDataDir } from "./embedded/paths.ts";

const VERSION = "v1";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type SecretBox = {
  /** AES-256-GCM; the result is `v1:<iv>:<tag>:<ciphertext>` in base64url, safe for a text column. */
  encrypt: (plaintext: string) => string;
  decrypt: (sealed: string) => string;
};

/** OAuth tokens (`Account`, `ConnectedAccount`) are stored only through this box: encrypted at rest. */
export const createSecretBox = (key: Buffer): SecretBox => {
  if (key.length !== KEY_BYTES) throw new Error(`The encryption key must be ${KEY_BYTES} bytes; it is ${key.length}.`);
  return {
    encrypt: (plaintext) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), ciphertext]
        .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
        .join(":");
    },
    decrypt: (sealed) => {
      const [version, iv, tag, ciphertext] = sealed.split(":");
      if (version !== VERSION || !iv || !tag || ciphertext === undefined)
        throw new Error("Not a sealed secret of a known version.");
      // A fixed tag length: without it, GCM accepts a truncated (as short as 4-byte) tag, which is forgeable.
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
    },
  };
};

const keyBytes = (value: string) =>
  /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");

/** Whether a CTO_ENCRYPTION_KEY value is a key: 32 bytes, as 64 hex characters or base64 (for the apps' start-up checks). */
export const isEncryptionKey = (value: string): boolean => keyBytes(value).length === KEY_BYTES;

const parseKey = (value: string) => {
  if (!isEncryptionKey(value)) throw new Error("CTO_ENCRYPTION_KEY must be 32 bytes, as 64 hex characters or base64.");
  return keyBytes(value);
};

/**
 * The key from CTO_ENCRYPTION_KEY. Outside production, a missing key is created once in the data
 * folder (`.data/encryption.key`), so development needs no set-up; production must set it.
 */
// biome-ignore lint/style/noProcessEnv: a library default for tools without an env.ts (seed, CLIs); the apps pass their env
export const loadEncryptionKey = (env: NodeJS.ProcessEnv = process.env): Buffer => {
  if (env.CTO_ENCRYPTION_KEY) return parseKey(env.CTO_ENCRYPTION_KEY);
  if (env.NODE_ENV === "production") throw new Error("CTO_ENCRYPTION_KEY is required in production.");
  const file = path.join(defaultDataDir(env), "encryption.key");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    // Processes starting together on a fresh data folder (npm start runs the API and the worker) must end
    // up with one key: each writes a whole candidate under its own name and links it into place, which
    // fails for all but the first; every process then reads the key that won, never a half-written one.
    const candidate = `${file}.${process.pid}.${randomBytes(6).toString("hex")}`;
    writeFileSync(candidate, randomBytes(KEY_BYTES).toString("hex"), { mode: 0o600 });
    try {
      linkSync(candidate, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      rmSync(candidate, { force: true });
    }
  }
  return parseKey(readFileSync(file, "utf8").trim());
};
