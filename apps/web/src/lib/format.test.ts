import { describe, expect, it } from "vitest";

import { formatPeriod, periodTimezone } from "./format.ts";
import { formatLocale } from "./i18n/index.ts";

const day = (iso: string) => Date.parse(iso);
// The test's own rendering of a calendar day, in the app's language (the browser's variant of it).
const shown = (iso: string) =>
  new Intl.DateTimeFormat(formatLocale(), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    Date.parse(`${iso}T12:00:00Z`),
  );

describe("formatPeriod", () => {
  it("ends on the last day the report covers, not the midnight after it (7 days, not 8)", () => {
    // The worker's 7-day report for Berlin: [27 Nov 00:00, 4 Dec 00:00) local time.
    const text = formatPeriod(day("2026-11-26T23:00:00Z"), day("2026-12-03T23:00:00Z"), "Europe/Berlin");
    expect(text).toBe(`${shown("2026-11-27")} – ${shown("2026-12-03")}`);
  });

  it("reads the days in the report's own timezone wherever the browser is", () => {
    // The same instants read in Tokyo would be 27 Nov – 4 Dec; the report's zone decides.
    expect(formatPeriod(day("2026-11-26T23:00:00Z"), day("2026-12-03T23:00:00Z"), "Asia/Tokyo")).toBe(
      `${shown("2026-11-27")} – ${shown("2026-12-04")}`,
    );
    expect(formatPeriod(day("2026-11-26T23:00:00Z"), day("2026-12-03T23:00:00Z"), "America/Los_Angeles")).toBe(
      `${shown("2026-11-26")} – ${shown("2026-12-03")}`,
    );
  });

  it("survives an unknown timezone and a period of no length", () => {
    expect(formatPeriod(day("2026-12-01T12:00:00Z"), day("2026-12-02T12:00:00Z"), "Mars/Olympus")).toContain(" – ");
    const instant = day("2026-12-01T12:00:00Z");
    const [first, last] = formatPeriod(instant, instant, "UTC").split(" – ");
    expect(first).toBe(last);
  });
});

describe("periodTimezone", () => {
  it("reads the worker's payload and nothing else", () => {
    expect(periodTimezone({ version: 1, period: { timezone: "Europe/Berlin" } })).toBe("Europe/Berlin");
    for (const payload of [null, {}, { period: null }, { period: { timezone: 3 } }, "x"])
      expect(periodTimezone(payload)).toBeNull();
  });
});
