import { describe, expect, it } from "vitest";

import { ZMemoryMatchSchema } from "@cto/contracts/api/search";

import { memoryTarget, sourceTarget } from "./targets.ts";

// Every kind the search contract can answer with, so a kind added there is checked here too.
const KINDS = ZMemoryMatchSchema.shape.ownerKind.options;

describe("memoryTarget", () => {
  it("opens each found thing where it lives", () => {
    expect(memoryTarget({ ownerKind: "message", ownerId: "m1", parentId: "c1" })).toMatchObject({
      to: "/chat/$conversationId",
      params: { conversationId: "c1" },
    });
    expect(memoryTarget({ ownerKind: "analysis_message", ownerId: "a1", parentId: "s1" })).toMatchObject({
      to: "/analysis/$sessionId",
      params: { sessionId: "s1" },
    });
    expect(memoryTarget({ ownerKind: "person", ownerId: "p1" })).toMatchObject({
      to: "/assistant/$kind/$id",
      params: { kind: "person", id: "p1" },
    });
    expect(memoryTarget({ ownerKind: "goal", ownerId: "g1" })).toMatchObject({ to: "/goals", search: { goal: "g1" } });
    expect(memoryTarget({ ownerKind: "commitment", ownerId: "k1" })).toMatchObject({
      to: "/goals",
      search: { tab: "commitments", commitment: "k1" },
    });
    expect(memoryTarget({ ownerKind: "report", ownerId: "r1" })).toMatchObject({
      to: "/reports",
      search: { report: "r1" },
    });
    expect(memoryTarget({ ownerKind: "post", ownerId: "o1" })).toMatchObject({
      to: "/community",
      search: { tab: "posts", post: "o1" },
    });
    expect(memoryTarget({ ownerKind: "document_chunk", ownerId: "c1", parentId: "d1" })).toMatchObject({
      to: "/documents",
      search: { document: "d1" },
    });
    expect(memoryTarget({ ownerKind: "document_chunk", ownerId: "c1", parentId: null })).toBeNull();
    expect(memoryTarget({ ownerKind: "user_context", ownerId: "u1" })).toMatchObject({
      to: "/settings",
      hash: "coach",
    });
  });

  it("has a place for every kind the API can find, and no link where the parent is unknown", () => {
    for (const ownerKind of KINDS) {
      const parentId = ["message", "analysis_message", "document_chunk"].includes(ownerKind) ? "parent" : null;
      expect(memoryTarget({ ownerKind, ownerId: "x", parentId }), ownerKind).not.toBeNull();
    }
    expect(memoryTarget({ ownerKind: "message", ownerId: "m1", parentId: null })).toBeNull();
  });
});

describe("sourceTarget", () => {
  it("opens a reply's memory source where it lives, and a knowledge chunk in the knowledge base", () => {
    expect(sourceTarget({ kind: "memory", id: "g1", ownerKind: "goal", content: "Ship it", score: 0.5 })).toMatchObject(
      { to: "/goals", search: { goal: "g1" } },
    );
    expect(
      sourceTarget({ kind: "memory", id: "m1", ownerKind: "message", parentId: "c1", content: "Hi", score: 0.5 }),
    ).toMatchObject({ to: "/chat/$conversationId", params: { conversationId: "c1" } });
    expect(sourceTarget({ kind: "memory", id: "m1", ownerKind: "message", content: "Hi", score: 0.5 })).toBeNull();
    expect(sourceTarget({ kind: "knowledge", id: "k1", content: "Active listening", score: 0.5 })).toMatchObject({
      to: "/search",
      search: { q: "Active listening", scope: "knowledge" },
    });
  });
});
