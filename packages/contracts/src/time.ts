import { zText } from "./values.ts";

/**
 * The user's time as preferences hold it (`User.preferences`: `timezone`, `workingHours`), checked
 * the same way where it is written (PATCH /me) and where it is read (reminders, reports).
 */

// Building a formatter is what costs (every reminder reads the user's timezone): each name the runtime
// accepts is checked once. Only accepted names are kept, in lower case (timezone names are ASCII and
// case-insensitive), so the set stays as small as the IANA list whatever the input.
const knownTimezones = new Set<string>();

/** Whether `value` is an IANA timezone this runtime knows (e.g. `Europe/Berlin`). */
export const isTimezone = (value: unknown): value is string => {
  if (typeof value !== "string" || !value) return false;
  // Only ASCII is folded: "\u212A" (the Kelvin sign) lower-cases to "k", yet no timezone name has it.
  const key = /^[\x21-\x7e]+$/.test(value) ? value.toLowerCase() : null;
  if (key && knownTimezones.has(key)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
  } catch {
    return false;
  }
  if (key) knownTimezones.add(key);
  return true;
};

export const ZTimezoneSchema = zText().max(100).refine(isTimezone, "Not a known IANA timezone, e.g. Europe/Berlin.");

/** A wall-clock time of day, 24-hour `HH:MM`. */
export const ZClockSchema = zText()
  .max(5)
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use 24-hour HH:MM, e.g. 09:00.");
