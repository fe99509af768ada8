// Days as the user lives them: reports and consistency windows start at the user's local midnight.

const DAY_MS = 86_400_000;

/** The local calendar day (YYYY-MM-DD) of an instant in `timezone`. */
export const localDay = (at: Date, timezone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    at,
  );

/** YYYY-MM-DD plus `days` (calendar arithmetic, no timezone involved). */
export const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The time `timezone`'s clocks show at the instant `at`, read as UTC, minus the instant: the zone's offset in ms. */
export const zoneOffset = (at: number, timezone: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(at))
      .map((part) => [part.type, Number(part.value)]),
  );
  return (
    Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) -
    Math.floor(at / 1000) * 1000
  );
};

/** The instant local midnight starts `day` in `timezone` (DST-safe: the offset is re-read at the result). */
export const localMidnight = (day: string, timezone: string) => {
  const naive = Date.parse(`${day}T00:00:00Z`);
  return new Date(naive - zoneOffset(naive - zoneOffset(naive, timezone), timezone));
};

/** Every local day from `start` (inclusive) to `end` (exclusive), for charts with no gaps. */
export const daysBetween = (start: Date, end: Date, timezone: string) => {
  const days: string[] = [];
  for (
    let day = localDay(start, timezone);
    localMidnight(day, timezone) < end && days.length < 400;
    day = addDays(day, 1)
  )
    days.push(day);
  return days;
};
