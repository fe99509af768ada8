import { describe, expect, it } from "vitest";

import { findWhen, formatWhen, offsetMinutes, safeTimezone, zonedInstant } from "./dates.ts";
import { correctTypos, editDistance } from "./text.ts";

const clock = (now: string, timezone = "Europe/Berlin") => ({ now: Date.parse(now), timezone });

describe("times in the user's words", () => {
  it("keeps the wall-clock time across a DST change (Berlin springs forward on 29 March 2026)", () => {
    expect(offsetMinutes(Date.parse("2026-03-28T12:00:00Z"), "Europe/Berlin")).toBe(60);
    expect(offsetMinutes(Date.parse("2026-03-29T12:00:00Z"), "Europe/Berlin")).toBe(120);
    expect(findWhen("tomorrow at 9", clock("2026-03-28T20:30:00Z"))?.at).toBe(Date.parse("2026-03-29T07:00:00Z"));
    // And back in the autumn (25 October 2026).
    expect(findWhen("tomorrow at 9", clock("2026-10-24T20:30:00Z"))?.at).toBe(Date.parse("2026-10-25T08:00:00Z"));
    expect(zonedInstant({ year: 2026, month: 3, day: 29 }, 23, 59, "Europe/Berlin")).toBe(
      Date.parse("2026-03-29T21:59:00Z"),
    );
  });

  it("reads a bare small hour as the afternoon, today if it is still ahead", () => {
    expect(findWhen("at 3", clock("2026-03-10T09:30:00Z"))?.at).toBe(Date.parse("2026-03-10T14:00:00Z"));
    expect(findWhen("at 3", clock("2026-03-10T16:30:00Z"))?.at).toBe(Date.parse("2026-03-11T14:00:00Z"));
    expect(findWhen("at 3am", clock("2026-03-10T09:30:00Z"))?.at).toBe(Date.parse("2026-03-11T02:00:00Z"));
    expect(findWhen("tomorrow at 3", clock("2026-03-10T09:30:00Z"))?.at).toBe(Date.parse("2026-03-11T14:00:00Z"));
  });

  it("tells a day from a time of day, and a frequency from a date", () => {
    expect(findWhen("by Friday", clock("2026-03-10T09:30:00Z"))).toMatchObject({
      hasDay: true,
      hasTime: false,
      day: { year: 2026, month: 3, day: 13 },
    });
    expect(findWhen("run in the evening", clock("2026-03-10T09:30:00Z"))).toMatchObject({
      hasDay: false,
      hasTime: true,
    });
    expect(findWhen("three times a week", clock("2026-03-10T09:30:00Z"))).toBeNull();
    expect(findWhen("read 12 books", clock("2026-03-10T09:30:00Z"))).toBeNull();
  });

  it("falls back to UTC for a missing or unknown timezone", () => {
    expect(safeTimezone(undefined)).toBe("UTC");
    expect(safeTimezone("Not/AZone")).toBe("UTC");
    expect(safeTimezone("Asia/Kolkata")).toBe("Asia/Kolkata");
  });

  it("formats in the user's timezone, with the year only when it differs", () => {
    expect(formatWhen(Date.parse("2026-03-29T07:00:00Z"), clock("2026-03-28T20:30:00Z"))).toBe("Sun 29 Mar, 09:00");
    expect(formatWhen(Date.parse("2027-01-05T07:00:00Z"), clock("2026-03-28T20:30:00Z"), false)).toBe("Tue 5 Jan 2027");
  });
});

describe("typos", () => {
  it("measures swaps as one edit", () => {
    expect(editDistance("gaol", "goal")).toBe(1);
    expect(editDistance("tommorow", "tomorrow")).toBe(2);
    expect(editDistance("abc", "xyzuvw")).toBeGreaterThan(2);
  });

  it("fixes likely typos of the vocabulary only, and leaves real words one letter away alone", () => {
    const vocabulary = ["goal", "task", "tomorrow", "evening"];
    expect(correctTypos("set a Gaol for tommorow", vocabulary)).toBe("set a goal for tomorrow");
    expect(correctTypos("buy a goat and a mask", vocabulary)).toBe("buy a goat and a mask");
    expect(correctTypos("in the evenings", vocabulary)).toBe("in the evenings");
  });
});
