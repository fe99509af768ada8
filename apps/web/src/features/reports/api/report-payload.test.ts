import { describe, expect, it } from "vitest";

import { readReportPayload } from "./report-payload.ts";

describe("readReportPayload", () => {
  it("reads the worker's payload into chart series", () => {
    const view = readReportPayload({
      windowDays: 7,
      energyTrend: [
        { day: 0, level: 5 },
        { day: 1, level: 7 },
      ],
      emotions: [{ day: 0, valence: "POSITIVE", intensity: 6 }],
      commitments: { completed: 3, skipped: 1, pending: 2 },
      consistency: 72,
      topInsights: ["Mornings are your most focused time"],
      goalsProgress: [{ title: "Delegate more", progress: 50 }],
    });
    expect(view).toEqual({
      energy: [
        { day: 0, level: 5 },
        { day: 1, level: 7 },
      ],
      emotions: [{ day: 0, intensity: 6, valence: "positive" }],
      commitments: { completed: 3, skipped: 1, pending: 2 },
      consistency: 72,
      topInsights: ["Mornings are your most focused time"],
      goals: [{ title: "Delegate more", progress: 50 }],
    });
  });

  it("skips malformed entries and clamps percentages instead of failing", () => {
    const view = readReportPayload({
      energyTrend: [{ day: 0, level: "high" }, null, { day: 2, level: 4 }],
      emotions: "none",
      commitments: { completed: 2 },
      consistency: 140,
      topInsights: ["", 3, "Keep evenings free"],
      goalsProgress: [{ title: "Ship", progress: -5 }, { progress: 20 }],
    });
    expect(view.energy).toEqual([{ day: 2, level: 4 }]);
    expect(view.emotions).toEqual([]);
    expect(view.commitments).toEqual({ completed: 2, skipped: 0, pending: 0 });
    expect(view.consistency).toBe(100);
    expect(view.topInsights).toEqual(["Keep evenings free"]);
    expect(view.goals).toEqual([{ title: "Ship", progress: 0 }]);
  });

  it("gives an empty view for a payload that is not an object", () => {
    expect(readReportPayload(null)).toEqual({
      energy: [],
      emotions: [],
      commitments: null,
      consistency: null,
      topInsights: [],
      goals: [],
    });
    expect(readReportPayload([1, 2])).toMatchObject({ energy: [], commitments: null });
  });

  it("reads the worker's version 1 payload, leaving out days without data", () => {
    const view = readReportPayload({
      version: 1,
      period: { start: 0, end: 1, days: 3, timezone: "UTC" },
      emotions: {
        points: [],
        topLabels: [],
        daily: [
          { date: "2026-11-30", count: 2, valence: 0.5, intensity: 6 },
          { date: "2026-12-01", count: 0, valence: null, intensity: null },
          { date: "2026-12-02", count: 1, valence: -1, intensity: 3 },
        ],
      },
      energy: {
        points: [],
        average: 6,
        slopePerDay: null,
        trend: "unknown",
        daily: [
          { date: "2026-11-30", count: 1, average: 7 },
          { date: "2026-12-01", count: 0, average: null },
          { date: "2026-12-02", count: 1, average: 5 },
        ],
      },
      commitments: { due: 4, completed: 2, skipped: 1, open: 1, completionRate: 0.5, daily: [] },
      consistency: { score: 62.5, windowDays: 3, notes: null },
      insights: [
        { id: "a", title: null, content: "Evenings are calmer", createdAt: 0 },
        { id: "b", title: "Deep work", content: "…", createdAt: 0 },
      ],
      goals: [
        { id: "g", title: "Delegate more", status: "active", progress: 40, deadline: null, completedInPeriod: false },
      ],
    });
    expect(view).toEqual({
      energy: [
        { day: 0, level: 7 },
        { day: 2, level: 5 },
      ],
      emotions: [
        { day: 0, intensity: 6, valence: "positive" },
        { day: 2, intensity: 3, valence: "negative" },
      ],
      commitments: { completed: 2, skipped: 1, pending: 1 },
      consistency: 62.5,
      topInsights: ["Evenings are calmer", "Deep work"],
      goals: [{ title: "Delegate more", progress: 40 }],
    });
  });
});
