import { describe, expect, it } from "vitest";

import { usageTotals } from "./get-ai-usage.ts";

const model = (
  name: string,
  usageCount: number,
  avgLatency: number | null,
  totalCost: number,
  avgTokens: number | null,
  totalTokens: number,
) => ({ model: name, usageCount, avgLatency, totalCost, avgTokens, totalTokens });

describe("usageTotals", () => {
  it("sums counts, cost and tokens and weights the averages by requests", () => {
    const totals = usageTotals([
      model("gpt-4o", 3, 1000, 0.03, 500, 1500),
      model("gpt-4o-mini", 1, 200, 0.001, 100, 100),
    ]);
    expect(totals.requests).toBe(4);
    expect(totals.cost).toBeCloseTo(0.031);
    expect(totals.tokens).toBe(1600);
    expect(totals.avgLatency).toBe(800);
    expect(totals.avgTokens).toBe(400);
  });

  it("leaves an average out when no model recorded it", () => {
    expect(usageTotals([model("local", 2, null, 0, null, 0)])).toMatchObject({
      requests: 2,
      avgLatency: null,
      avgTokens: null,
    });
    expect(usageTotals([])).toEqual({ requests: 0, cost: 0, tokens: 0, avgLatency: null, avgTokens: null });
  });
});
