import { beforeAll, describe, expect, it } from "vitest";

import { fieldPaths, useApi, visitor } from "./support/api.ts";

const {
  harness,
  users: [admin, member],
} = useApi({ users: ["admin", "member"] });

const chunk = (id: string, { phase = "1", goal = "focus", version = "1.0.0", active = true } = {}) => ({
  metadata: { chunk_id: id, version, source: "API_TEST", is_active: active },
  languageVariants: { en: { text: `Guidance ${id} v${version}` } },
  embeddingStrings: [`Guidance ${id} v${version}`],
  tags: { phase: [phase], goal: [goal], type: ["response"], technique: ["time_blocking"], context: ["work"] },
  situation: "Too many meetings",
  guidance: { primary_intent: "plan", risk_level: "low" },
});

beforeAll(async () => {
  await harness.db.user.update({ where: { id: admin.userId }, data: { role: "ADMIN" } });
});

describe("knowledge: happy paths", () => {
  it("ingests chunks idempotently and re-embeds a new version", async () => {
    const chunks = [
      chunk("api_focus_001"),
      chunk("api_focus_002", { phase: "2" }),
      chunk("api_stress_001", { goal: "stress", active: false }),
    ];
    const first = await admin.request("POST", "/admin/knowledge", { chunks });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 3, updated: 0, unchanged: 0, model: harness.ai.embeddingModel });
    const stored = await harness.db.knowledgeChunk.findUniqueOrThrow({ where: { chunkId: "api_focus_002" } });
    expect(stored).toMatchObject({
      phase: 2,
      goal: "focus",
      type: "response",
      embeddingModel: harness.ai.embeddingModel,
      techniques: ["time_blocking"],
    });

    expect((await admin.request("POST", "/admin/knowledge", { chunks })).body).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(
      (await harness.db.knowledgeChunk.findUniqueOrThrow({ where: { chunkId: "api_focus_002" } })).updatedAt,
    ).toEqual(stored.updatedAt);

    const bumped = await admin.request("POST", "/admin/knowledge", {
      chunks: [chunk("api_focus_002", { phase: "2", version: "1.1.0" })],
    });
    expect(bumped.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(await harness.db.knowledgeChunk.findUniqueOrThrow({ where: { chunkId: "api_focus_002" } })).toMatchObject({
      version: "1.1.0",
      textContent: "Guidance api_focus_002 v1.1.0",
    });
  });

  it("lists with phase, goal and active filters and cursor pagination", async () => {
    const ids = async (query: string) =>
      (await admin.request("GET", `/admin/knowledge?${query}`)).body.items.map(
        (item: { chunkId: string }) => item.chunkId,
      );
    expect(await ids("goal=focus")).toEqual(["api_focus_001", "api_focus_002"]);
    expect(await ids("phase=2")).toEqual(["api_focus_002"]);
    expect(await ids("active=false")).toEqual(["api_stress_001"]);
    expect(await ids("active=true&goal=stress")).toEqual([]);
    const page = await admin.request("GET", "/admin/knowledge?limit=1");
    expect(page.status).toBe(200);
    expect(page.body.items[0]).toMatchObject({
      chunkId: "api_focus_001",
      isActive: true,
      createdAt: expect.any(Number),
    });
    const next = await admin.request("GET", `/admin/knowledge?limit=2&cursor=${page.body.nextCursor}`);
    expect(next.body.items.map((item: { chunkId: string }) => item.chunkId)).toEqual([
      "api_focus_002",
      "api_stress_001",
    ]);
    expect(next.body.nextCursor).toBeNull();
  });
});

describe("knowledge: bad input", () => {
  it("refuses a bad chunk with the field path, writing nothing", async () => {
    const before = await harness.db.knowledgeChunk.count();
    const bad = { ...chunk("api_bad_001"), tags: { phase: ["9"] }, embeddingStrings: [] };
    const response = await admin.request("POST", "/admin/knowledge", { chunks: [chunk("api_good_009"), bad] });
    expect(response.status).toBe(400);
    expect(response.body.error?.code).toBe("validation_failed");
    expect(fieldPaths(response)).toEqual(["chunks.1.embeddingStrings", "chunks.1.tags.phase.0"]);
    expect(await harness.db.knowledgeChunk.count()).toBe(before);
    expect((await admin.request("POST", "/admin/knowledge", { chunks: [] })).status).toBe(400);
    expect((await admin.request("GET", "/admin/knowledge?phase=5")).status).toBe(400);
    expect((await admin.request("GET", "/admin/knowledge?cursor=nope")).status).toBe(400);
  });
});

describe("knowledge: security", () => {
  it("answers 403 to a signed-in non-admin and changes nothing", async () => {
    const before = await harness.db.knowledgeChunk.count();
    const post = await member.request("POST", "/admin/knowledge", { chunks: [chunk("api_member_001")] });
    expect(post.status).toBe(403);
    expect(post.body.error?.code).toBe("forbidden");
    expect((await member.request("GET", "/admin/knowledge")).status).toBe(403);
    expect(await harness.db.knowledgeChunk.count()).toBe(before);
  });

  it("answers 401 without credentials", async () => {
    const anonymous = visitor(harness);
    expect((await anonymous.request("POST", "/admin/knowledge", { chunks: [chunk("api_anon_001")] })).status).toBe(401);
    expect((await anonymous.request("GET", "/admin/knowledge")).status).toBe(401);
    expect(await harness.db.knowledgeChunk.findUnique({ where: { chunkId: "api_anon_001" } })).toBeNull();
  });
});
