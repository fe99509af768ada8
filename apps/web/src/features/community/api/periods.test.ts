import { afterEach, describe, expect, it } from "vitest";

import { applyLocale } from "../../../lib/i18n/index.ts";
import { isoWeekPeriod, monthPeriod, periodLabel, storyPeriods } from "./periods.ts";

describe("story periods", () => {
  it("names ISO weeks across year boundaries", () => {
    expect(isoWeekPeriod(new Date(2026, 11, 1))).toBe("2026-W49");
    expect(isoWeekPeriod(new Date(2027, 0, 1))).toBe("2026-W53");
    expect(isoWeekPeriod(new Date(2024, 11, 30))).toBe("2025-W01");
    expect(isoWeekPeriod(new Date(2026, 0, 4))).toBe("2026-W01");
  });

  it("names months and offers this and last week and month", () => {
    expect(monthPeriod(new Date(2026, 0, 15))).toBe("2026-01");
    expect(storyPeriods(new Date(2026, 0, 2)).map((period) => period.value)).toEqual([
      "2026-W01",
      "2025-W52",
      "2026-01",
      "2025-12",
    ]);
  });
});

describe("story periods in words", () => {
  afterEach(() => applyLocale("en"));

  it("writes months and ISO weeks in the app's language, and an unknown period as it came", async () => {
    expect(periodLabel("2026-11")).toMatch(/^November 2026$/);
    expect(periodLabel("2026-01")).toMatch(/^January 2026$/);
    expect(periodLabel("2026-W48")).toBe("Week 48, 2026");
    expect(periodLabel("2026-W01")).toBe("Week 1, 2026");
    expect(periodLabel("someday")).toBe("someday");
    await applyLocale("de");
    expect(periodLabel("2026-03")).toBe("März 2026");
    expect(periodLabel("2026-W48")).toBe("KW 48/2026");
  });
});
