import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { LOCAL_EMBEDDING_MODEL } from "@cto/ai/local-provider";
import { runCommand, testTargets, useMigratedDatabase } from "@cto/db/testing";

const packageRoot = path.join(import.meta.dirname, "..", "..");

// Only what the command needs: no AI settings, so it embeds with the offline local provider.
const ingest = (args: string[], databaseUrl: string) =>
  runCommand(process.execPath, ["--import", "tsx", path.join("src", "cli", "knowledge-ingest.ts"), ...args], {
    cwd: packageRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", DATABASE_URL: databaseUrl },
    timeoutMs: 120_000,
  });

const chunk = (id: string, text: string) => ({
  metadata: { chunk_id: id, version: "1.0.0", source: "CLI_TEST" },
  languageVariants: { en: { text } },
  embeddingStrings: [text],
  tags: { phase: ["1"], goal: ["boundaries"] },
});

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cto-knowledge-cli-"));
  await writeFile(
    path.join(dir, "chunks.json"),
    JSON.stringify({ chunks: [chunk("cli_a", "Say no kindly"), chunk("cli_b", "Protect your focus time")] }),
  );
  await writeFile(path.join(dir, "bad.json"), JSON.stringify([{ ...chunk("cli_c", "x"), tags: { phase: ["9"] } }]));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// The storing itself (idempotency, versions, both database targets) is @cto/db's knowledge test; here one
// target shows the command wires the file, the provider and the database together. Each run starts tsx.
describe.each(testTargets().slice(0, 1))("knowledge:ingest on $name", (target) => {
  const handle = useMigratedDatabase(target);

  it("names the chunk and field of a malformed file, and loads nothing", async () => {
    const result = await ingest([path.join(dir, "bad.json")], handle.database.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("chunk #0 (cli_c): tags.phase.0: phase must be 1, 2, 3 or 4");
    expect(await handle.db.knowledgeChunk.count({ where: { source: "CLI_TEST" } })).toBe(0);
  });

  it("loads a file with the offline provider when no AI is configured", async () => {
    const result = await ingest([path.join(dir, "chunks.json")], handle.database.url);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `2 chunks — 2 created, 0 updated, 0 unchanged (embedding model ${LOCAL_EMBEDDING_MODEL}, local provider)`,
    );
    const rows = await handle.db.knowledgeChunk.findMany({
      where: { source: "CLI_TEST" },
      orderBy: { chunkId: "asc" },
    });
    expect(rows.map((row) => [row.chunkId, row.embeddingModel])).toEqual([
      ["cli_a", LOCAL_EMBEDDING_MODEL],
      ["cli_b", LOCAL_EMBEDDING_MODEL],
    ]);
  });
});
