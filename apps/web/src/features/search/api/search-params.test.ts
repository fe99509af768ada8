import { describe, expect, it } from "vitest";

import { parseSearchParams, toApiQuery } from "./search-params.ts";

describe("search params", () => {
  it("keeps only valid values from the URL", () => {
    expect(
      parseSearchParams({
        q: "  focus ",
        scope: "everything",
        from: "2026-13",
        to: "2026-11-30",
        phase: "12",
        goal: "",
        kinds: "goal,post",
      }),
    ).toEqual({
      q: "focus",
      scope: undefined,
      kinds: "goal,post",
      from: undefined,
      to: "2026-11-30",
      phase: undefined,
      goal: undefined,
      type: undefined,
    });
  });

  it("turns days into an inclusive range of local instants", () => {
    const query = toApiQuery({ q: "focus", from: "2026-11-01", to: "2026-11-30" });
    expect(query.from).toBe(new Date(2026, 10, 1).getTime());
    expect(query.to).toBe(new Date(2026, 11, 1).getTime());
  });

  it("sends memory filters only to memory and knowledge filters only to the knowledge base", () => {
    const params = {
      q: "delegation",
      kinds: "goal",
      from: "2026-11-01",
      phase: 2,
      goal: "confidence",
      type: "technique",
    };
    expect(toApiQuery({ ...params, scope: "knowledge" })).toEqual({
      q: "delegation",
      scope: "knowledge",
      k: 10,
      phase: 2,
      goal: "confidence",
      type: "technique",
    });
    expect(toApiQuery({ ...params, scope: "memory" })).toEqual({
      q: "delegation",
      scope: "memory",
      k: 10,
      kinds: "goal",
      from: new Date(2026, 10, 1).getTime(),
    });
  });
});
