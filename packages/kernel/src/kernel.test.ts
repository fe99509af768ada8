import { describe, expect, it } from "vitest";

import { adherenceNotes, scoreAdherence } from "./adherence.ts";
import { hashingEmbedding } from "./hashing-embedding.ts";
import { addDays, daysBetween, localDay, localMidnight, zoneOffset } from "./local-days.ts";
import { reportPayload } from "./report-payload.ts";

const BERLIN = "Europe/Berlin";
const HOUR = 3_600_000;

describe("local days", () => {
  it("starts each day at local midnight, across the spring DST change", () => {
    expect(zoneOffset(Date.parse("2026-03-28T12:00:00Z"), BERLIN)).toBe(HOUR);
    expect(zoneOffset(Date.parse("2026-03-29T12:00:00Z"), BERLIN)).toBe(2 * HOUR);
    expect(localMidnight("2026-03-29", BERLIN).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(localMidnight("2026-03-30", BERLIN).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(localDay(new Date("2026-03-28T23:30:00Z"), BERLIN)).toBe("2026-03-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(daysBetween(localMidnight("2026-03-28", BERLIN), localMidnight("2026-03-31", BERLIN), BERLIN)).toEqual([
      "2026-03-28",
      "2026-03-29",
      "2026-03-30",
    ]);
  });
});

describe("adherence", () => {
  it("counts on time 1, more than a day late ½, skipped and open 0", () => {
    const due = new Date("2026-03-01T10:00:00Z");
    const adherence = scoreAdherence([
      { status: "COMPLETED", dueAt: due, completedAt: new Date(due.getTime() + HOUR) },
      { status: "COMPLETED", dueAt: due, completedAt: new Date(due.getTime() + 25 * HOUR) },
      { status: "SKIPPED", dueAt: due },
      { status: "PENDING", dueAt: due },
    ]);
    expect(adherence).toEqual({ due: 4, onTime: 1, late: 1, skipped: 1, open: 1, score: 37.5 });
    expect(adherenceNotes(adherence, 7, 40)).toBe(
      "2 of 4 commitments due in the last 7 days were completed (1 late); 1 skipped; 1 not done. Down 2.5 points from the day before.",
    );
    expect(scoreAdherence([]).score).toBeNull();
  });
});

describe("the report payload", () => {
  it("counts only the rows of its local days", () => {
    const start = localMidnight("2026-03-28", BERLIN);
    const end = localMidnight("2026-03-30", BERLIN);
    const at = (iso: string) => new Date(iso);
    const payload = reportPayload(
      {
        emotions: [
          { recordedAt: at("2026-03-28T09:00:00Z"), label: "calm", valence: "POSITIVE", intensity: 4 },
          { recordedAt: at("2026-03-27T22:30:00Z"), label: "tired", valence: "NEGATIVE", intensity: 2 },
        ],
        energy: [{ recordedAt: at("2026-03-29T08:00:00Z"), level: 6 }],
        due: [{ status: "COMPLETED", dueAt: at("2026-03-29T09:00:00Z"), completedAt: at("2026-03-29T10:00:00Z") }],
        done: [{ completedAt: at("2026-03-29T10:00:00Z") }, { skippedAt: at("2026-03-30T10:00:00Z") }],
        insights: [],
        goals: [{ id: "g", title: "Ship", status: "ARCHIVED", progress: 10, completedAt: null }],
      },
      start,
      end,
      BERLIN,
    );
    expect(payload.period.days).toBe(2);
    expect(payload.emotions.points.map((point) => point.label)).toEqual(["calm"]);
    expect(payload.emotions.daily.map((day) => day.count)).toEqual([1, 0]);
    expect(payload.energy.daily).toEqual([
      { date: "2026-03-28", count: 0, average: null },
      { date: "2026-03-29", count: 1, average: 6 },
    ]);
    expect(payload.commitments).toMatchObject({ due: 1, completed: 1, skipped: 0, completionRate: 1 });
    expect(payload.commitments.daily.map((day) => [day.completed, day.skipped])).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(payload.goals).toEqual([]);
  });
});

describe("the hashing embedding", () => {
  it("is a unit vector, the same for the same text, and closer for texts sharing words", () => {
    const norm = (vector: number[]) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
    const dot = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
    const run = hashingEmbedding("Morning run by the river", 64);
    expect(run).toHaveLength(64);
    expect(norm(run)).toBeCloseTo(1, 10);
    expect(hashingEmbedding("Morning run by the river", 64)).toEqual(run);
    expect(norm(hashingEmbedding("", 64))).toBeCloseTo(1, 10);
    expect(dot(run, hashingEmbedding("a morning run", 64))).toBeGreaterThan(
      dot(run, hashingEmbedding("tax return deadline", 64)),
    );
  });
});
