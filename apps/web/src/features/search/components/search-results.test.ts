import { describe, expect, it } from "vitest";

import { resultTarget } from "./search-results.tsx";

const KINDS = [
  "message",
  "insight",
  "report",
  "conversation",
  "goal",
  "commitment",
  "person",
  "place",
  "event",
  "task",
  "deadline",
  "post",
  "reply",
  "story",
  "analysis_message",
  "user_context",
  "emotion",
  "energy_metric",
] as const;

describe("resultTarget", () => {
  it("opens each found thing where it lives", () => {
    expect(resultTarget({ ownerKind: "message", ownerId: "m1", parentId: "c1" })).toMatchObject({
      to: "/chat/$conversationId",
      params: { conversationId: "c1" },
    });
    expect(resultTarget({ ownerKind: "analysis_message", ownerId: "a1", parentId: "s1" })).toMatchObject({
      to: "/analysis/$sessionId",
      params: { sessionId: "s1" },
    });
    expect(resultTarget({ ownerKind: "person", ownerId: "p1" })).toMatchObject({
      to: "/assistant/$kind/$id",
      params: { kind: "person", id: "p1" },
    });
    expect(resultTarget({ ownerKind: "goal", ownerId: "g1" })).toMatchObject({ to: "/goals", search: { goal: "g1" } });
    expect(resultTarget({ ownerKind: "commitment", ownerId: "k1" })).toMatchObject({
      to: "/goals",
      search: { tab: "commitments", commitment: "k1" },
    });
    expect(resultTarget({ ownerKind: "report", ownerId: "r1" })).toMatchObject({
      to: "/reports",
      search: { report: "r1" },
    });
    expect(resultTarget({ ownerKind: "post", ownerId: "o1" })).toMatchObject({
      to: "/community",
      search: { tab: "posts", post: "o1" },
    });
    expect(resultTarget({ ownerKind: "user_context", ownerId: "u1" })).toMatchObject({
      to: "/settings",
      hash: "coach",
    });
  });

  it("has a place for every kind the API can find, and no link where the parent is unknown", () => {
    for (const ownerKind of KINDS) {
      const parentId = ownerKind === "message" || ownerKind === "analysis_message" ? "parent" : null;
      expect(resultTarget({ ownerKind, ownerId: "x", parentId }), ownerKind).not.toBeNull();
    }
    expect(resultTarget({ ownerKind: "message", ownerId: "m1", parentId: null })).toBeNull();
  });
});
