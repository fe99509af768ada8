import { describe, expect, it } from "vitest";

import { energyByDay, isOverdue, latestConsistency, moodByDay } from "./trend-data.ts";

const at = (day: number, hour: number) => new Date(2026, 10, day, hour).getTime();

describe("dashboard trends", () => {
  it("signs each emotion's intensity by its valence and averages per local day", () => {
    const points = moodByDay([
      { valence: "positive", intensity: 8, recordedAt: at(3, 9) },
      { valence: "negative", intensity: 4, recordedAt: at(3, 18) },
      { valence: "neutral", intensity: 6, recordedAt: at(2, 12) },
    ]);
    expect(points).toEqual([
      { x: new Date(2026, 10, 2).getTime(), y: 0 },
      { x: new Date(2026, 10, 3).getTime(), y: 2 },
    ]);
  });

  it("averages energy levels per day, oldest day first", () => {
    expect(
      energyByDay([
        { level: 7, recordedAt: at(5, 8) },
        { level: 4, recordedAt: at(4, 8) },
        { level: 6, recordedAt: at(5, 20) },
      ]).map((point) => point.y),
    ).toEqual([4, 6.5]);
  });

  it("keeps the newest consistency score per window", () => {
    const result = latestConsistency([
      { windowDays: 21, score: 60, periodEnd: 1 },
      { windowDays: 7, score: 75, periodEnd: 5 },
      { windowDays: 21, score: 68.5, periodEnd: 9 },
      { windowDays: 7, score: 50, periodEnd: 2 },
    ]);
    expect(result.map((metric) => [metric.windowDays, metric.score])).toEqual([
      [7, 75],
      [21, 68.5],
    ]);
  });

  it("calls a commitment overdue only when it was due before today", () => {
    const now = at(10, 15);
    expect(isOverdue(at(10, 8), now)).toBe(false);
    expect(isOverdue(at(9, 23), now)).toBe(true);
    expect(isOverdue(null, now)).toBe(false);
  });
});
