import pg from "pg";

const TIMESTAMPTZ_OID = 1184;
const PLUS = 43;
const ZERO = 48;
const SPACE = 32;
const DOT = 46;
const DASH = 45;

/** node-postgres' own parser (postgres-date): BC years, infinity, offsets other than UTC, years below 1000. */
const parseAnyTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ_OID, "text") as (text: string) => Date | number;

/** The decimal number in `count` characters of `text` from `from`; -1 when one is not a digit. */
const digits = (text: string, from: number, count: number) => {
  let value = 0;
  for (let index = from; index < from + count; index += 1) {
    const digit = text.charCodeAt(index) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
};

/**
 * A timestamptz as a UTC session sends it (`2026-12-06 22:00:00.123+00`, a fraction of up to six digits),
 * read by position; anything else goes to node-postgres' parser. A 50-message page carries some 150 of
 * them, and postgres-date's three regular expressions took 4x as long a value (450 against 113 ns), about
 * a twentieth of the API's CPU on that page (`pnpm bench:api` with BENCH_CPU_PROF). Both truncate below
 * the millisecond, as a JavaScript Date must.
 */
export const parseTimestamptz = (text: string): Date | number => {
  const length = text.length;
  const utc =
    length >= 22 &&
    length <= 29 &&
    length !== 23 &&
    text.charCodeAt(length - 3) === PLUS &&
    text.charCodeAt(length - 2) === ZERO &&
    text.charCodeAt(length - 1) === ZERO &&
    text.charCodeAt(4) === DASH &&
    text.charCodeAt(7) === DASH &&
    text.charCodeAt(10) === SPACE &&
    (length === 22 || text.charCodeAt(19) === DOT);
  if (!utc) return parseAnyTimestamptz(text);
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const places = length - 23;
  const fraction = places > 0 ? digits(text, 20, Math.min(3, places)) : 0;
  // Date.UTC reads years 0-99 as 1900-1999: those, and any non-digit, are postgres-date's to read.
  if (year < 1000 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || fraction < 0)
    return parseAnyTimestamptz(text);
  const milliseconds = places >= 3 ? fraction : places === 2 ? fraction * 10 : fraction * 100;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, milliseconds));
};

/** The type parsers of the raw paths (`queryRows`, `rawTransaction`): node-postgres' own, timestamptz read faster. */
export const rawTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMPTZ_OID && format !== "binary"
      ? parseTimestamptz
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};
