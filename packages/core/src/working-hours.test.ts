import { describe, expect, it } from "vitest";

import { deliveryTime, readReminderPreferences } from "./working-hours.ts";

const berlin = readReminderPreferences({ timezone: "Europe/Berlin", workingHours: { start: "09:00", end: "17:30" } });
const at = (iso: string) => new Date(iso);

describe("deliveryTime", () => {
  it("keeps a reminder inside working hours, in the user's timezone", () => {
    // 08:30 UTC is 09:30 in Berlin (CET, UTC+1).
    expect(deliveryTime(at("2026-12-01T08:30:00Z"), berlin).toISOString()).toBe("2026-12-01T08:30:00.000Z");
  });

  it("moves an early reminder to the same day's start, a late one to the next day's", () => {
    // 06:00 UTC = 07:00 Berlin → 09:00 Berlin = 08:00 UTC.
    expect(deliveryTime(at("2026-12-01T06:00:00Z"), berlin).toISOString()).toBe("2026-12-01T08:00:00.000Z");
    // 16:30 UTC = 17:30 Berlin, the end is exclusive → next morning.
    expect(deliveryTime(at("2026-12-01T16:30:00Z"), berlin).toISOString()).toBe("2026-12-02T08:00:00.000Z");
    // 23:30 UTC = 00:30 Berlin on the 2nd → 09:00 Berlin on the 2nd.
    expect(deliveryTime(at("2026-12-01T23:30:00Z"), berlin).toISOString()).toBe("2026-12-02T08:00:00.000Z");
  });

  it("follows daylight saving time: the start is local 09:00 on either side of the change", () => {
    // Berlin moves to CEST (UTC+2) on 2026-03-29: a reminder the evening before lands at 07:00 UTC.
    expect(deliveryTime(at("2026-03-28T20:00:00Z"), berlin).toISOString()).toBe("2026-03-29T07:00:00.000Z");
    const tokyo = readReminderPreferences({ timezone: "Asia/Tokyo", workingHours: { start: "10:00", end: "19:00" } });
    expect(deliveryTime(at("2026-12-01T12:00:00Z"), tokyo).toISOString()).toBe("2026-12-02T01:00:00.000Z");
  });

  it("handles working hours that wrap midnight", () => {
    const night = readReminderPreferences({
      timezone: "America/New_York",
      workingHours: { start: "22:00", end: "06:00" },
    });
    // 04:00 UTC = 23:00 New York (EST): inside.
    expect(deliveryTime(at("2026-12-02T04:00:00Z"), night).toISOString()).toBe("2026-12-02T04:00:00.000Z");
    // 15:00 UTC = 10:00 New York: outside → 22:00 New York the same day = 03:00 UTC next day.
    expect(deliveryTime(at("2026-12-01T15:00:00Z"), night).toISOString()).toBe("2026-12-02T03:00:00.000Z");
  });

  it("delivers at once without working hours, and reads malformed preferences as defaults", () => {
    expect(deliveryTime(at("2026-12-01T03:00:00Z"), readReminderPreferences({})).toISOString()).toBe(
      "2026-12-01T03:00:00.000Z",
    );
    const broken = readReminderPreferences({
      timezone: "Mars/Olympus",
      workingHours: { start: "9am", end: "5pm" },
      notificationPrefs: { telegram: false },
    });
    expect(broken).toEqual({ timezone: "UTC", workingHours: null, telegram: false, inApp: true });
    expect(readReminderPreferences(null)).toEqual({ timezone: "UTC", workingHours: null, telegram: true, inApp: true });
  });
});
