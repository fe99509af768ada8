import { describe, expect, it } from "vitest";

import { daysBetween, localMidnight } from "./local-days.ts";
import { onDemandPeriodEnd, reportPeriod, scheduledPeriodEnd } from "./report-periods.ts";

describe("report periods", () => {
  it("a scheduled report covers the whole local days before today, across a DST change", () => {
    // Berlin moves its clocks forward on 2026-03-29: that day has 23 hours.
    const now = new Date("2026-03-31T09:15:00Z");
    const end = scheduledPeriodEnd(now, "Europe/Berlin");
    expect(end.toISOString()).toBe("2026-03-30T22:00:00.000Z");
    const period = reportPeriod("SEVEN_DAY", end, "Europe/Berlin");
    expect(period.start.toISOString()).toBe("2026-03-23T23:00:00.000Z");
    expect(period.days).toBe(7);
    expect(daysBetween(period.start, period.end, "Europe/Berlin")).toEqual([
      "2026-03-24",
      "2026-03-25",
      "2026-03-26",
      "2026-03-27",
      "2026-03-28",
      "2026-03-29",
      "2026-03-30",
    ]);
  });

  it("an on-demand report ends in the current minute, includes today so far and shares the scheduled report's start", () => {
    const asked = new Date("2026-03-31T09:15:42.500Z").getTime();
    const end = onDemandPeriodEnd(asked);
    expect(end).toBe(new Date("2026-03-31T09:15:00Z").getTime());
    expect(onDemandPeriodEnd(end + 59_999)).toBe(end);
    const onDemand = reportPeriod("TWO_DAY", new Date(end), "America/New_York");
    expect(onDemand.start).toEqual(localMidnight("2026-03-30", "America/New_York"));
    // Tomorrow's scheduled run of the same period ends at today's local midnight and starts where it did.
    const scheduled = reportPeriod(
      "TWO_DAY",
      scheduledPeriodEnd(new Date("2026-04-01T12:00:00Z"), "America/New_York"),
      "America/New_York",
    );
    expect(scheduled.start).toEqual(onDemand.start);
  });
});
