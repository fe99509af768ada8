// Secrets at rest (AES-256-GCM box, encryption key loading) and password hashing; no database.
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";

import { hashPassword, verifyPassword } from "../src/password.ts";
import { createSecretBox, loadEncryptionKey } from "../src/secrets.ts";

describe("createSecretBox", () => {
  const key = randomBytes(32);
  const box = createSecretBox(key);

  it.each(["", "ya29.a0AfH6SMB-access-token", "unicode: żółć 日本語 🔐 \u0000 end", "x".repeat(10_000)])(
    "round-trips %#",
    (plaintext) => {
      const sealed = box.encrypt(plaintext);
      expect(sealed).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]*$/);
      if (plaintext) expect(sealed).not.toContain(plaintext);
      expect(box.decrypt(sealed)).toBe(plaintext);
      // Another box with the same key opens it too (nothing lives in the box but the key).
      expect(createSecretBox(Buffer.from(key)).decrypt(sealed)).toBe(plaintext);
    },
  );

  it("never encrypts the same text the same way twice", () => {
    const a = box.encrypt("same token");
    const b = box.encrypt("same token");
    expect(a).not.toBe(b);
    expect(a.split(":")[1]).not.toBe(b.split(":")[1]);
    expect(box.decrypt(a)).toBe(box.decrypt(b));
  });

  const flipFirstByte = (part: string) => {
    const bytes = Buffer.from(part, "base64url");
    bytes[0] = bytes[0]! ^ 0x01;
    return bytes.toString("base64url");
  };

  it("refuses tampered ciphertext, tag or iv", () => {
    const sealed = box.encrypt("refresh-token-123");
    const [version, iv, tag, ciphertext] = sealed.split(":") as [string, string, string, string];
    expect(() => box.decrypt([version, iv, tag, flipFirstByte(ciphertext)].join(":"))).toThrow();
    expect(() => box.decrypt([version, iv, flipFirstByte(tag), ciphertext].join(":"))).toThrow();
    expect(() => box.decrypt([version, flipFirstByte(iv), tag, ciphertext].join(":"))).toThrow();
    // A truncated tag must not weaken the check either.
    expect(() => box.decrypt([version, iv, tag.slice(0, 6), ciphertext].join(":"))).toThrow();
    expect(box.decrypt(sealed)).toBe("refresh-token-123");
  });

  it("refuses another key, and what is not a sealed secret", () => {
    const sealed = box.encrypt("secret");
    expect(() => createSecretBox(randomBytes(32)).decrypt(sealed)).toThrow();
    expect(() => box.decrypt("plain-text-token")).toThrow(/sealed secret/);
    expect(() => box.decrypt(sealed.replace(/^v1:/, "v0:"))).toThrow(/sealed secret/);
  });

  it("refuses a key of the wrong length with a clear error", () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/must be 32 bytes; it is 16/);
    expect(() => createSecretBox(randomBytes(33))).toThrow(/must be 32 bytes; it is 33/);
    expect(() => createSecretBox(Buffer.alloc(0))).toThrow(/32 bytes/);
  });
});

describe("loadEncryptionKey", () => {
  const key = randomBytes(32);
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cto-secrets-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("accepts a 64-hex key", () => {
    expect(loadEncryptionKey({ CTO_ENCRYPTION_KEY: key.toString("hex") })).toEqual(key);
    expect(loadEncryptionKey({ CTO_ENCRYPTION_KEY: key.toString("hex").toUpperCase() })).toEqual(key);
  });

  it("accepts a base64 key", () => {
    expect(loadEncryptionKey({ CTO_ENCRYPTION_KEY: key.toString("base64") })).toEqual(key);
  });

  it("rejects a short key", () => {
    expect(() => loadEncryptionKey({ CTO_ENCRYPTION_KEY: randomBytes(16).toString("hex") })).toThrow(/32 bytes/);
    expect(() => loadEncryptionKey({ CTO_ENCRYPTION_KEY: randomBytes(16).toString("base64") })).toThrow(/32 bytes/);
    expect(() => loadEncryptionKey({ CTO_ENCRYPTION_KEY: "short" })).toThrow(/32 bytes/);
  });

  it("requires a key in production", () => {
    const dir = tempDir();
    expect(() => loadEncryptionKey({ NODE_ENV: "production", CTO_DATA_DIR: dir })).toThrow(
      /CTO_ENCRYPTION_KEY is required in production/,
    );
    expect(existsSync(path.join(dir, "encryption.key"))).toBe(false);
    expect(loadEncryptionKey({ NODE_ENV: "production", CTO_ENCRYPTION_KEY: key.toString("hex") })).toEqual(key);
  });

  it("outside production creates a key file in CTO_DATA_DIR once and reuses it", () => {
    const dir = path.join(tempDir(), "nested", ".data");
    const file = path.join(dir, "encryption.key");
    const env = { NODE_ENV: "development", CTO_DATA_DIR: dir };

    const first = loadEncryptionKey(env);
    expect(first).toHaveLength(32);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, "utf8").trim()).toBe(first.toString("hex"));
    if (process.platform !== "win32") expect(statSync(file).mode & 0o077).toBe(0);

    const second = loadEncryptionKey(env);
    expect(second).toEqual(first);
    // The key works in a box, and a box from the reloaded key opens what the first sealed.
    expect(createSecretBox(second).decrypt(createSecretBox(first).encrypt("token"))).toBe("token");
    // Another data folder gets its own key.
    expect(loadEncryptionKey({ CTO_DATA_DIR: tempDir() })).not.toEqual(first);
  });

  describe("with the process environment (the default)", () => {
    const saved = {
      CTO_DATA_DIR: process.env.CTO_DATA_DIR,
      CTO_ENCRYPTION_KEY: process.env.CTO_ENCRYPTION_KEY,
      NODE_ENV: process.env.NODE_ENV,
    };
    beforeEach(() => {
      delete process.env.CTO_ENCRYPTION_KEY;
      process.env.NODE_ENV = "test";
    });
    afterEach(() => {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });

    it("creates the key file in CTO_DATA_DIR and reuses it", () => {
      const dir = tempDir();
      process.env.CTO_DATA_DIR = dir;
      const first = loadEncryptionKey();
      expect(readFileSync(path.join(dir, "encryption.key"), "utf8").trim()).toBe(first.toString("hex"));
      expect(loadEncryptionKey()).toEqual(first);
    });
  });
});

describe("password hashing", () => {
  it("hashes with argon2id, m=19456, t=2, p=1, salted", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(await hashPassword("correct horse battery staple")).not.toBe(hash);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapl")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
    const unicode = await hashPassword("pässwörd 🔑");
    expect(await verifyPassword(unicode, "pässwörd 🔑")).toBe(true);
    expect(await verifyPassword(unicode, "passwort 🔑")).toBe(false);
  });

  it("returns false for a malformed hash instead of throwing", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
    expect(await verifyPassword("", "anything")).toBe(false);
    expect(await verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$garbage", "anything")).toBe(false);
  });
});
