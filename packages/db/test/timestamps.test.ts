// The raw paths' timestamptz parser: the same instant as node-postgres' own parser for every text a
// server may send, and the same as Prisma for what the database really returns, on both targets.
import pg from "pg";
import { describe, expect, it } from "vitest";

import { queryRows, rawTransaction } from "../src/client.ts";
import { testTargets, useMigratedDatabase } from "../src/testing/index.ts";
import { parseTimestamptz } from "../src/timestamps.ts";

const nodePostgres = pg.types.getTypeParser(1184, "text") as (text: string) => Date | number;
const instant = (value: Date | number) => (value instanceof Date ? value.getTime() : value);

/** What a UTC session prints for `ms` (milliseconds since 1970) with `places` fraction digits (past 3, made up). */
const printed = (ms: number, places: number) => {
  const iso = new Date(ms).toISOString();
  const fraction = iso.slice(20, 23).padEnd(6, "7").slice(0, places);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${places ? `.${fraction}` : ""}+00`;
};

describe("parseTimestamptz", () => {
  it("reads every UTC text as node-postgres does, from year 1000 to 9999, with 0 to 6 fraction digits", () => {
    // A fixed seed would choose the instants; these are drawn afresh on each run.
    const from = Date.UTC(1000, 0, 1);
    const to = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    for (let index = 0; index < 20_000; index += 1) {
      const ms = Math.floor(from + Math.random() * (to - from));
      const text = printed(ms, index % 7);
      expect(instant(parseTimestamptz(text)), text).toBe(instant(nodePostgres(text)));
    }
  });

  it("leaves what it does not read by position to node-postgres: other offsets, BC, early years, infinity", () => {
    const texts = [
      "2026-12-06 22:00:00+01",
      "2026-12-06 22:00:00.5-05:30",
      "2026-12-06 22:00:00.123+05:45:12",
      "0044-03-15 12:00:00+00 BC",
      "0099-01-01 00:00:00+00",
      "0999-12-31 23:59:59.999+00",
      "12026-01-01 00:00:00+00",
      "infinity",
      "-infinity",
      "2026-1x-06 22:00:00+00",
      "2026-12-06T22:00:00+00",
      "2026-12-06 22:00:00.+00",
    ];
    for (const text of texts) {
      const expected = nodePostgres(text);
      const actual = parseTimestamptz(text);
      if (expected instanceof Date && Number.isNaN(expected.getTime())) expect(actual, text).toEqual(expected);
      else expect(instant(actual), text).toBe(instant(expected));
    }
  });
});

describe.each(testTargets())("timestamps on the raw paths on $name", (target) => {
  const handle = useMigratedDatabase(target);

  it("gives the instants the server holds, through queryRows and rawTransaction, as Prisma does", async () => {
    const db = handle.db;
    const instants = [
      "1000-01-01 00:00:00+00",
      "1969-12-31 23:59:59.999+00",
      "1970-01-01 00:00:00+00",
      "2026-12-06 22:00:00.1+00",
      "2026-12-06 22:00:00.12+00",
      "2038-01-19 03:14:08.5+00",
      "9999-12-31 23:59:59.999+00",
    ];
    const sql =
      "SELECT t.at::timestamptz(3) AS at, extract(epoch FROM t.at::timestamptz(3)) * 1000 AS ms FROM unnest($1::text[]) AS t(at)";
    const rows = await queryRows<{ at: Date; ms: string }>(db, sql, [instants]);
    expect(rows.map(({ at }) => at.getTime())).toEqual(rows.map(({ ms }) => Math.round(Number(ms))));
    const inTransaction = await rawTransaction(db, (query) => query<{ at: Date; ms: string }>(sql, [instants]));
    expect(inTransaction.map(({ at }) => at.getTime())).toEqual(rows.map(({ at }) => at.getTime()));
    const viaPrisma = await db.$queryRawUnsafe<Array<{ at: Date }>>(
      "SELECT t.at::timestamptz(3) AS at FROM unnest($1::text[]) AS t(at)",
      instants,
    );
    expect(viaPrisma.map(({ at }) => at.getTime())).toEqual(rows.map(({ at }) => at.getTime()));
  });
});
