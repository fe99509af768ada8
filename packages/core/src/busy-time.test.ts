import { describe, expect, it } from "vitest";

import { isBusyEvent, MAX_BUSY_HOPS, reminderDeliveryTime, type TCalendarEvent } from "./busy-time.ts";
import { readReminderPreferences } from "./working-hours.ts";

const at = (iso: string) => new Date(iso);
const utc = readReminderPreferences({ timezone: "UTC", workingHours: { start: "09:00", end: "17:30" } });
const anyTime = readReminderPreferences({});
const meeting = (start: string, end: string | null, extra: Partial<TCalendarEvent> = {}): TCalendarEvent => ({
  startsAt: at(start),
  endsAt: end ? at(end) : null,
  allDay: false,
  status: "CONFIRMED",
  type: "meeting",
  ...extra,
});
const when = (due: string, events: TCalendarEvent[], preferences = utc) =>
  reminderDeliveryTime(at(due), preferences, events).toISOString();

describe("reminderDeliveryTime", () => {
  it("keeps a reminder that falls in free time, and one at the very end of a meeting (the end is exclusive)", () => {
    const standup = meeting("2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z");
    expect(when("2026-12-01T09:45:00Z", [standup])).toBe("2026-12-01T09:45:00.000Z");
    expect(when("2026-12-01T10:30:00Z", [standup])).toBe("2026-12-01T10:30:00.000Z");
    expect(when("2026-12-01T11:00:00Z", [])).toBe("2026-12-01T11:00:00.000Z");
  });

  it("moves a reminder due during a meeting, its start included, to the meeting's end", () => {
    const review = meeting("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z");
    expect(when("2026-12-01T10:00:00Z", [review])).toBe("2026-12-01T11:00:00.000Z");
    expect(when("2026-12-01T10:20:00Z", [review])).toBe("2026-12-01T11:00:00.000Z");
  });

  it("follows overlapping and back-to-back meetings to the end of the chain", () => {
    const events = [
      meeting("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z"),
      // Overlaps the first and ends later.
      meeting("2026-12-01T10:30:00Z", "2026-12-01T11:15:00Z"),
      // Starts exactly when the second ends.
      meeting("2026-12-01T11:15:00Z", "2026-12-01T12:00:00Z"),
      // After a gap: not part of the chain.
      meeting("2026-12-01T12:30:00Z", "2026-12-01T13:00:00Z"),
    ];
    expect(when("2026-12-01T10:10:00Z", events)).toBe("2026-12-01T12:00:00.000Z");
    // A short meeting inside a longer one: the longer one's end counts.
    const nested = [
      meeting("2026-12-01T14:00:00Z", "2026-12-01T16:00:00Z"),
      meeting("2026-12-01T14:30:00Z", "2026-12-01T15:00:00Z"),
    ];
    expect(when("2026-12-01T14:40:00Z", nested)).toBe("2026-12-01T16:00:00.000Z");
  });

  it("ignores all-day, cancelled, free (transparent), deadline and open-ended events", () => {
    const due = "2026-12-01T10:15:00.000Z";
    const events = [
      meeting("2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z", { allDay: true }),
      meeting("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", { status: "CANCELLED" }),
      meeting("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", { metadata: { transparency: "TRANSPARENT" } }),
      meeting("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", { type: "deadline" }),
      meeting("2026-12-01T10:00:00Z", null),
    ];
    expect(when(due, events)).toBe(due);
    // Tentative is still busy, as is an opaque one.
    expect(when(due, [meeting("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", { status: "TENTATIVE" })])).toBe(
      "2026-12-01T11:00:00.000Z",
    );
    expect(
      when(due, [meeting("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", { metadata: { transparency: "OPAQUE" } })]),
    ).toBe("2026-12-01T11:00:00.000Z");
  });

  it("ignores blocks longer than a day, which mark days rather than a meeting", () => {
    const conference = meeting("2026-11-30T08:00:00Z", "2026-12-03T18:00:00Z");
    expect(when("2026-12-01T10:15:00Z", [conference])).toBe("2026-12-01T10:15:00.000Z");
    expect(isBusyEvent(conference)).toBe(false);
  });

  it("moves a reminder whose meeting ends outside working hours to the next working start, then past a meeting there", () => {
    const late = meeting("2026-12-01T16:30:00Z", "2026-12-01T18:00:00Z");
    expect(when("2026-12-01T17:00:00Z", [late])).toBe("2026-12-02T09:00:00.000Z");
    const morning = meeting("2026-12-02T09:00:00Z", "2026-12-02T09:45:00Z");
    expect(when("2026-12-01T17:00:00Z", [late, morning])).toBe("2026-12-02T09:45:00.000Z");
    // Due before working hours with a meeting at their start: both rules, in order.
    expect(when("2026-12-02T06:00:00Z", [morning])).toBe("2026-12-02T09:45:00.000Z");
  });

  it("reads working hours in the user's timezone, while events are instants", () => {
    // Berlin (UTC+1 in December), 09:00–17:30: a meeting 15:30–17:00 UTC (16:30–18:00 local) ends after hours.
    const berlin = readReminderPreferences({
      timezone: "Europe/Berlin",
      workingHours: { start: "09:00", end: "17:30" },
    });
    const late = meeting("2026-12-01T15:30:00Z", "2026-12-01T17:00:00Z");
    expect(when("2026-12-01T16:00:00Z", [late], berlin)).toBe("2026-12-02T08:00:00.000Z");
    // The same meeting for a user in New York (10:30–12:00 local) ends inside their hours.
    const newYork = readReminderPreferences({
      timezone: "America/New_York",
      workingHours: { start: "09:00", end: "17:30" },
    });
    expect(when("2026-12-01T16:00:00Z", [late], newYork)).toBe("2026-12-01T17:00:00.000Z");
  });

  it("without working hours only the calendar moves it, at any hour", () => {
    const night = meeting("2026-12-01T22:00:00Z", "2026-12-01T23:30:00Z");
    expect(when("2026-12-01T22:30:00Z", [night], anyTime)).toBe("2026-12-01T23:30:00.000Z");
  });

  it("is bounded: a calendar booked solid stops the walk after a fixed number of events", () => {
    const start = at("2026-12-01T00:00:00Z").getTime();
    const hour = 3_600_000;
    const solid = Array.from({ length: 40 }, (_, index) =>
      meeting(new Date(start + index * hour).toISOString(), new Date(start + (index + 1) * hour).toISOString()),
    );
    expect(when("2026-12-01T00:10:00Z", solid, anyTime)).toBe(new Date(start + MAX_BUSY_HOPS * hour).toISOString());
  });
});
