import { formatLocale, i18n } from "./i18n/index.ts";

// Times from the API are Unix milliseconds; these render them in the app's language and the person's zone.
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>();
/** One formatter per language and kind, made on first use (building an Intl formatter is not free). */
const cached = <T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>(
  kind: string,
  make: (locale: string) => T,
): T => {
  const locale = formatLocale();
  const key = `${locale} ${kind}`;
  const format = (cache.get(key) as T | undefined) ?? make(locale);
  cache.set(key, format);
  return format;
};

const dateFormat = () =>
  cached("date", (locale) => new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric" }));

export const formatDate = (ms: number) => dateFormat().format(ms);
export const formatDateTime = (ms: number) =>
  cached(
    "dateTime",
    (locale) => new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }),
  ).format(ms);
export const formatTime = (ms: number) =>
  cached("time", (locale) => new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" })).format(ms);
/** A day and month without the year ("5 Dec", "5. Dez."), for chart axes. */
export const formatDayMonth = (ms: number) =>
  cached("dayMonth", (locale) => new Intl.DateTimeFormat(locale, { day: "numeric", month: "short" })).format(ms);
/** A month and its year ("November 2026", "November 2026" in German too, "novembre 2026"). */
export const formatMonthYear = (ms: number) =>
  cached(
    "monthYear",
    (locale) => new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }),
  ).format(ms);
/** A plain number with the language's grouping and decimal mark ("1,234.5", "1.234,5"). */
export const formatNumber = (value: number, maximumFractionDigits = 0) =>
  cached(`number${maximumFractionDigits}`, (locale) => new Intl.NumberFormat(locale, { maximumFractionDigits })).format(
    value,
  );
/** US dollars (what providers bill in) in the language's notation; fractions of a cent keep two digits, not "$0.00". */
// Every cost is in US dollars, so the plain `$` reads unambiguously in every language (en-GB would write `US$`).
const USD = { style: "currency", currency: "USD", currencyDisplay: "narrowSymbol" } as const;

export const formatUsd = (value: number) =>
  value > 0 && value < 0.01
    ? cached("usdSmall", (locale) => new Intl.NumberFormat(locale, { ...USD, maximumSignificantDigits: 2 })).format(
        value,
      )
    : cached("usd", (locale) => new Intl.NumberFormat(locale, USD)).format(value);

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

export const formatRelative = (ms: number, now = Date.now()) => {
  const diff = ms - now;
  const relative = cached("relative", (locale) => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
  for (const [unit, size] of UNITS) if (Math.abs(diff) >= size) return relative.format(Math.round(diff / size), unit);
  return i18n.t("time.justNow");
};

/** "in_progress" → "In progress": the API's lowercase-snake enums, for people. */
export const humanize = (value: string) => {
  const words = value.replace(/_/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const startOfToday = (now = new Date()) => new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();

/** Unix ms → the value of an <input type="datetime-local"> (local time, minutes). */
export const toLocalInput = (ms: number | null | undefined) => {
  if (ms === null || ms === undefined) return "";
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

/** An <input type="datetime-local"> or type="date" value → Unix ms in local time; "" → null. */
export const fromLocalInput = (value: string) => {
  if (!value) return null;
  const ms = new Date(value.length === 10 ? `${value}T00:00` : value).getTime();
  return Number.isNaN(ms) ? null : ms;
};

const zonedDateFormat = (timeZone: string | null) => {
  try {
    return new Intl.DateTimeFormat(formatLocale(), {
      day: "numeric",
      month: "short",
      year: "numeric",
      ...(timeZone ? { timeZone } : {}),
    });
  } catch {
    return dateFormat();
  }
};

/**
 * A report's days, first to last. Its period is [start, end): the last day is the one holding the
 * instant before `end` (a report ending at midnight does not include the day that starts then). In the
 * report's own timezone when it has one, so the days match its title wherever the browser is.
 */
export const formatPeriod = (start: number, end: number, timeZone: string | null = null) => {
  const format = zonedDateFormat(timeZone);
  return `${format.format(start)} – ${format.format(Math.max(start, end - 1))}`;
};

/** The timezone a report's payload was counted in (`period.timezone` of the worker's payload), or null. */
export const periodTimezone = (payload: unknown) => {
  const period = (payload as { period?: { timezone?: unknown } } | null)?.period;
  return typeof period?.timezone === "string" ? period.timezone : null;
};
