import { zText } from "./values.ts";

/**
 * The user's time as preferences hold it (`User.preferences`: `timezone`, `workingHours`), checked
 * the same way where it is written (PATCH /me) and where it is read (reminders, reports).
 */

/** Whether `value` is an IANA timezone this runtime knows (e.g. `Europe/Berlin`). */
export const isTimezone = (value: unknown): value is string => {
  if (typeof value !== "string" || !value) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

export const ZTimezoneSchema = zText().max(100).refine(isTimezone, "Not a known IANA timezone, e.g. Europe/Berlin.");

/** A wall-clock time of day, 24-hour `HH:MM`. */
export const ZClockSchema = zText()
  .max(5)
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use 24-hour HH:MM, e.g. 09:00.");
