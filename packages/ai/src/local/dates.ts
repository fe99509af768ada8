/**
 * Times in the user's words ("tomorrow at 9", "by Friday", "in 2 hours"), read by chrono-node
 * against a given "now" in the user's IANA timezone. chrono takes a fixed UTC offset, so the
 * offset is re-read at the instant found: "tomorrow at 9" across a DST change is still 9:00 there.
 */
import { localDay, zoneOffset } from "@cto/kernel/local-days";
// English, which is what `chrono.parse` of the whole package reads; the package would also load fifteen
// other locales, about 11 MB of every process that uses the local provider.
import * as chrono from "chrono-node/en";

export type TClock = { now: number; timezone: string };
export type TWallDay = { year: number; month: number; day: number };
/**
 * `hasTime`: the words named a time of day ("at 9", "in 2 hours", "tomorrow morning");
 * `hasDay`: they named a day ("Friday", "June 1", "in 2 weeks"), not only a time ("in the evening").
 */
export type TWhen = { at: number; index: number; text: string; hasTime: boolean; hasDay: boolean; day: TWallDay };

/**
 * Date words a typo of which is worth correcting before chrono reads the text ("tomorow",
 * "wendesday"). Left out: words one letter from common ones ("march"/"match", "hours"/"yours").
 */
export const DATE_WORDS = [
  "today",
  "tonight",
  "tomorrow",
  "morning",
  "afternoon",
  "evening",
  "midnight",
  "weekend",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "january",
  "february",
  "april",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

export const safeTimezone = (timezone: string | undefined): string => {
  if (!timezone) return "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
    return timezone;
  } catch {
    return "UTC";
  }
};

/** Minutes `timezone` is ahead of UTC at the instant `at`. */
export const offsetMinutes = (at: number, timezone: string): number => Math.round(zoneOffset(at, timezone) / 60_000);

/** The instant the clocks of `timezone` show `day` at `hour:minute`. */
export const zonedInstant = (day: TWallDay, hour: number, minute: number, timezone: string): number => {
  const wall = Date.UTC(day.year, day.month - 1, day.day, hour, minute);
  const guess = wall - offsetMinutes(wall, timezone) * 60_000;
  return wall - offsetMinutes(guess, timezone) * 60_000;
};

// "three times a week", "once a month": a frequency, not a date.
const FREQUENCY_BEFORE = /\b(?:times?|per|every|each|once|twice)\s*$/i;

const TIME_OF_DAY = /^casualReference\/(?:morning|afternoon|evening|noon|night|tonight|midnight)$/;

const wallDayOf = (at: number, timezone: string): TWallDay => {
  const [year, month, day] = localDay(new Date(at), timezone).split("-").map(Number);
  return { year: year!, month: month!, day: day! };
};

/** The first time expression in `text`, in the future when the words allow (forwardDate), or null. */
export const findWhen = (text: string, clock: TClock): TWhen | null => {
  const timezone = safeTimezone(clock.timezone);
  const parse = (offset: number) =>
    chrono
      .parse(text, { instant: new Date(clock.now), timezone: offset }, { forwardDate: true })
      .find((result) => !FREQUENCY_BEFORE.test(text.slice(0, result.index)));
  const offsetNow = offsetMinutes(clock.now, timezone);
  const first = parse(offsetNow);
  if (!first) return null;
  const offsetThen = offsetMinutes(first.date().getTime(), timezone);
  const result = offsetThen === offsetNow ? first : (parse(offsetThen) ?? first);
  const { start } = result;
  const tags = [...result.tags()];
  const hasDay =
    start.isCertain("day") ||
    start.isCertain("weekday") ||
    start.isCertain("month") ||
    tags.includes("result/relativeDate");
  let at = result.date().getTime();
  const hour = start.get("hour") ?? 0;
  // "at 3" means the afternoon to most people; chrono (forwardDate) would pick 3 a.m. tomorrow.
  if (start.isCertain("hour") && !start.isCertain("meridiem") && hour >= 1 && hour <= 6) {
    const day =
      start.isCertain("day") || start.isCertain("weekday")
        ? { year: start.get("year")!, month: start.get("month")!, day: start.get("day")! }
        : wallDayOf(clock.now, timezone);
    at = zonedInstant(day, hour + 12, start.get("minute") ?? 0, timezone);
    if (at <= clock.now && !(start.isCertain("day") || start.isCertain("weekday")))
      at = zonedInstant(wallDayOf(at + 86_400_000, timezone), hour + 12, start.get("minute") ?? 0, timezone);
  }
  // chrono's "morning" is 6:00; a reminder "tomorrow morning" is better at 9:00.
  if (!start.isCertain("hour") && tags.includes("casualReference/morning"))
    at = zonedInstant(wallDayOf(at, timezone), 9, 0, timezone);
  return {
    at,
    index: result.index,
    text: result.text,
    hasTime: start.isCertain("hour") || tags.some((tag) => TIME_OF_DAY.test(tag)),
    hasDay,
    day: wallDayOf(at, timezone),
  };
};

/** "Sun 29 Mar, 09:00" in the user's timezone (the year only when it is not this year's). */
export const formatWhen = (at: number, clock: TClock, withTime = true): string => {
  const timezone = safeTimezone(clock.timezone);
  // Assembled from parts: ICU versions disagree on the commas of the composite format.
  const partsOf = (instant: number) =>
    Object.fromEntries(
      new Intl.DateTimeFormat("en-GB", {
        timeZone: timezone,
        weekday: "short",
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      })
        .formatToParts(new Date(instant))
        .map((part) => [part.type, part.value]),
    ) as Record<string, string>;
  const parts = partsOf(at);
  const year = parts.year === partsOf(clock.now).year ? "" : ` ${parts.year}`;
  return `${parts.weekday} ${parts.day} ${parts.month}${year}${withTime ? `, ${parts.hour}:${parts.minute}` : ""}`;
};
