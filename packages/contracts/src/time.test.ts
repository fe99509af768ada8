import { describe, expect, it } from "vitest";

import { isTimezone, ZClockSchema, ZTimezoneSchema } from "./time.ts";

describe("timezones and clock times", () => {
  it("knows IANA zones and nothing else", () => {
    expect(["Europe/Berlin", "UTC", "America/New_York"].filter(isTimezone)).toHaveLength(3);
    expect(["Mars/Olympus", "", "  ", 42, null, undefined].some(isTimezone)).toBe(false);
    expect(ZTimezoneSchema.safeParse("Mars/Olympus").error?.issues[0]?.message).toBe(
      "Not a known IANA timezone, e.g. Europe/Berlin.",
    );
  });

  it("answers a name it has seen as the runtime would, in any ASCII case, and nothing else like it", () => {
    expect(isTimezone("Asia/Kolkata")).toBe(true);
    expect(["asia/kolkata", "ASIA/KOLKATA"].every(isTimezone)).toBe(true);
    // The Kelvin sign lower-cases to "k", but the runtime refuses it: the name it has seen must not let it in.
    expect(["Asia/\u212Aolkata", "Asia/Kolkata ", "Asia/Kolkata\u0000"].some(isTimezone)).toBe(false);
  });

  it("takes 24-hour HH:MM only", () => {
    expect(["00:00", "09:30", "23:59"].every((time) => ZClockSchema.safeParse(time).success)).toBe(true);
    expect(["24:00", "9:30", "09:60", "9am", "09:30:00"].some((time) => ZClockSchema.safeParse(time).success)).toBe(
      false,
    );
  });
});
