import { describe, expect, it, vi } from "vitest";

import {
  ingestKnowledgeChunks,
  KnowledgeParseError,
  loadStarterKnowledge,
  parseKnowledgeChunks,
  type TKnowledgeChunkInput,
} from "../src/knowledge/index.ts";
import { FIXTURE_EMBEDDING_MODEL, fixtureEmbedding, seedDemoData } from "../src/seed/index.ts";
import { testTargets, useMigratedDatabase } from "../src/testing/index.ts";
import { searchKnowledgeChunks } from "../src/vector.ts";

const chunk = (
  id: string,
  overrides: Partial<TKnowledgeChunkInput> & { version?: string; text?: string } = {},
): TKnowledgeChunkInput => ({
  metadata: { chunk_id: id, version: overrides.version ?? "1.0.0", source: "TEST" },
  languageVariants: { en: { text: overrides.text ?? `Guidance for ${id}` } },
  embeddingStrings: [overrides.text ?? `Guidance for ${id}`],
  tags: { phase: ["2"], goal: ["focus"], type: ["response"], technique: ["time_blocking"], context: ["work"] },
  situation: "Too many meetings",
  guidance: { primary_intent: "plan", risk_level: "low" },
  ...overrides,
});

const parseError = (input: unknown): KnowledgeParseError => {
  try {
    parseKnowledgeChunks(input);
  } catch (error) {
    if (error instanceof KnowledgeParseError) return error;
    throw error;
  }
  throw new Error("expected a parse error");
};

describe("parsing knowledge chunks", () => {
  it("maps 001's fields and names the chunk and field of each problem", () => {
    const [parsed] = parseKnowledgeChunks({
      chunks: [chunk("ok_001", { tags: { phase: ["phase_3"], goal: ["focus"] } })],
    });
    expect(parsed!.tags.phase).toEqual([3]);
    const error = parseError([
      chunk("ok_001"),
      { ...chunk("bad_002"), tags: { phase: ["7"] }, languageVariants: { fr: { text: "bonjour" } } },
    ]);
    expect(error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ index: 1, chunkId: "bad_002", path: "tags.phase.0" }),
        expect.objectContaining({ index: 1, chunkId: "bad_002", path: "languageVariants" }),
      ]),
    );
    expect(parseError([chunk("dup_001"), chunk("dup_001")]).issues).toEqual([
      expect.objectContaining({
        index: 1,
        chunkId: "dup_001",
        path: "metadata.chunk_id",
        message: expect.stringMatching(/duplicate/),
      }),
    ]);
    expect(error.message).toMatch(/chunk #1 \(bad_002\): tags\.phase\.0/);
    expect(parseError({ nope: true }).issues[0]!.path).toBe("chunks");
    expect(parseError([{ metadata: { version: "1" } }]).issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(["metadata.chunk_id", "metadata.source", "embeddingStrings"]),
    );
  });

  it("ships a starter knowledge base of at least 100 unique, varied chunks", () => {
    const chunks = loadStarterKnowledge();
    const ids = new Set(chunks.map((c) => c.metadata.chunk_id));
    expect(chunks.length).toBeGreaterThanOrEqual(100);
    expect(ids.size).toBe(chunks.length);
    expect(new Set(chunks.map((c) => c.tags.phase[0]))).toEqual(new Set([1, 2, 3, 4]));
    expect(new Set(chunks.map((c) => c.tags.goal?.[0])).size).toBeGreaterThanOrEqual(12);
    expect(new Set(chunks.map((c) => c.languageVariants.en!.text)).size).toBe(chunks.length);
  });
});

describe.each(testTargets())("knowledge ingestion on $name", (target) => {
  const handle = useMigratedDatabase(target);
  const embed = vi.fn(async (texts: string[]) => ({ vectors: texts.map(fixtureEmbedding), model: "test-model" }));

  it("is idempotent by chunk id and version, embedding in batches", async () => {
    const chunks = parseKnowledgeChunks(["a", "b", "c", "d", "e"].map((id) => chunk(`idem_${id}`)));
    expect(await ingestKnowledgeChunks(handle.db, chunks, { embed, model: "test-model", batchSize: 2 })).toEqual({
      created: 5,
      updated: 0,
      unchanged: 0,
    });
    expect(embed.mock.calls.map(([texts]) => texts.length)).toEqual([2, 2, 1]);
    const before = await handle.db.knowledgeChunk.findMany({ where: { source: "TEST" }, orderBy: { chunkId: "asc" } });
    expect(before.map((row) => row.embeddingModel)).toEqual(Array(5).fill("test-model"));

    embed.mockClear();
    expect(await ingestKnowledgeChunks(handle.db, chunks, { embed, model: "test-model" })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 5,
    });
    expect(embed).not.toHaveBeenCalled();
    expect(await handle.db.knowledgeChunk.findMany({ where: { source: "TEST" }, orderBy: { chunkId: "asc" } })).toEqual(
      before,
    );
  });

  it("updates a chunk's row and vector on a new version, and re-embeds under a new model", async () => {
    const text = "Say no to the request, yes to the person";
    const bumped = parseKnowledgeChunks([chunk("idem_a", { version: "1.1.0", text }), chunk("idem_b")]);
    embed.mockClear();
    expect(await ingestKnowledgeChunks(handle.db, bumped, { embed, model: "test-model" })).toEqual({
      created: 0,
      updated: 1,
      unchanged: 1,
    });
    expect(embed).toHaveBeenCalledTimes(1);
    expect(await handle.db.knowledgeChunk.findUnique({ where: { chunkId: "idem_a" } })).toMatchObject({
      version: "1.1.0",
      textContent: text,
      embeddingText: text,
    });
    const [best] = await searchKnowledgeChunks(handle.db, {
      vector: fixtureEmbedding(text),
      model: "test-model",
      k: 1,
    });
    expect(best).toMatchObject({ chunkId: "idem_a", version: "1.1.0" });
    expect(best!.score).toBeCloseTo(1, 5);

    const other = vi.fn(async (texts: string[]) => ({ vectors: texts.map(fixtureEmbedding), model: "other-model" }));
    expect(await ingestKnowledgeChunks(handle.db, bumped, { embed: other, model: "other-model" })).toEqual({
      created: 0,
      updated: 2,
      unchanged: 0,
    });
  });

  it("seeds the starter knowledge base once, searchable by phase and goal", async () => {
    await seedDemoData(handle.db);
    const starter = loadStarterKnowledge();
    expect(
      await handle.db.knowledgeChunk.count({
        where: { source: "CTO_STARTER", embeddingModel: FIXTURE_EMBEDDING_MODEL },
      }),
    ).toBe(starter.length);
    const rows = await handle.db.knowledgeChunk.findMany({ where: { source: "CTO_STARTER" } });
    const second = await ingestKnowledgeChunks(handle.db, starter, { embed, model: FIXTURE_EMBEDDING_MODEL });
    expect(second).toEqual({ created: 0, updated: 0, unchanged: starter.length });

    const vector = fixtureEmbedding("I can't say no when people ask me for help with their work");
    const matches = await searchKnowledgeChunks(handle.db, {
      vector,
      model: FIXTURE_EMBEDDING_MODEL,
      goal: "boundaries",
      k: 3,
    });
    expect(matches[0]!.chunkId).toBe("coach_boundaries_002");
    expect(matches.every((match) => match.goal === "boundaries")).toBe(true);
    const delegation = await searchKnowledgeChunks(handle.db, {
      vector: fixtureEmbedding("If I delegate it, it won't be done right"),
      model: FIXTURE_EMBEDDING_MODEL,
      phase: 1,
      k: 5,
    });
    expect(delegation[0]!.chunkId).toBe("coach_delegation_001");
    expect(delegation.every((match) => match.phase === 1)).toBe(true);
    expect(rows.length).toBe(starter.length);
  });
});
