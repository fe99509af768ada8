// The encryption key file written by processes starting together on a fresh data folder: the moment
// between one process finding no key file and writing its own, when another has just written one.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it, vi } from "vitest";

// This process looks for the key file a moment before another process's key lands there.
const late = vi.hoisted(() => ({ files: new Set<string>() }));
vi.mock("node:fs", async (original) => {
  const fs = await original<typeof import("node:fs")>();
  return {
    ...fs,
    existsSync: (file: string) => (late.files.delete(String(file)) ? false : fs.existsSync(file)),
  };
});

const { loadEncryptionKey } = await import("../src/secrets.ts");

describe("loadEncryptionKey when another process wrote the key first", () => {
  const root = mkdtempSync(path.join(tmpdir(), "cto-secrets-race-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("keeps and returns the other process's key instead of overwriting it, and leaves no candidate behind", () => {
    const dir = path.join(root, ".data");
    const file = path.join(dir, "encryption.key");
    const theirs = randomBytes(32).toString("hex");
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, theirs, { mode: 0o600 });
    late.files.add(file);

    const mine = loadEncryptionKey({ NODE_ENV: "development", CTO_DATA_DIR: dir });
    expect(late.files.size).toBe(0);
    expect(mine.toString("hex")).toBe(theirs);
    expect(readFileSync(file, "utf8")).toBe(theirs);
    expect(readdirSync(dir)).toEqual(["encryption.key"]);
  });
});
