import { randomUUID } from "node:crypto";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { rowSchema, SECTION_SHAPES, type TSectionShape } from "../src/services/account-archive.ts";
import { rowChecker } from "../src/services/account-import-rows.ts";

type Row = Record<string, unknown>;
type TColumn = TSectionShape["columns"][number];

/** A value the column takes, of its most common form. */
const plainValue = (shape: TSectionShape, column: TColumn): unknown => {
  if (shape.uuidColumns.has(column.key)) return randomUUID();
  const range = shape.section.ranges?.[column.key];
  switch (column.columnType) {
    case "PgEnumColumn":
      return column.enumValues![0];
    case "PgTimestamp":
      return "2025-01-31T09:30:00.000Z";
    case "PgBoolean":
      return false;
    case "PgInteger":
    case "PgDoublePrecision":
      return range ? range[0] : 1;
    case "PgNumeric":
      return range ? String(range[0]) : "0.5";
    case "PgJsonb":
      return { note: "x" };
    case "PgArray":
      return column.key === "days" ? [1] : [];
  }
  return column.key === "source" ? "user" : column.key === "time" ? "09:30" : "text";
};

const plainRow = (shape: TSectionShape) =>
  Object.fromEntries(shape.columns.map((column) => [column.key, plainValue(shape, column)]));

// Forms each column type must judge as zod does: valid, invalid, and near either side of the line.
const EDGES: unknown[] = [
  null,
  "",
  "text",
  "a\u0000b",
  "lone \ud800 surrogate",
  "😀 paired",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "123e4567-e89b-02d3-a456-426614174000",
  "123E4567-E89B-42D3-A456-426614174000",
  "123e4567-e89b-42d3-c456-426614174000",
  " 123e4567-e89b-42d3-a456-426614174000",
  "2025-01-31T09:30:00.000Z",
  "2025-01-31T09:30:00.00Z",
  "2025-01-31T09:30:00Z",
  "2025-02-30T09:30:00.000Z",
  "2025-01-31T24:00:00.000Z",
  "2025-01-31 09:30:00.000Z",
  "2025-01-31T09:30:00.000+00:00",
  "0001-01-01T00:00:00.000Z",
  "0000-12-31T23:59:59.999Z",
  "9999-12-31T23:59:59.999Z",
  "+010000-01-01T00:00:00.000Z",
  "-000001-01-01T00:00:00.000Z",
  true,
  false,
  "true",
  0,
  -0,
  1,
  -1,
  1.5,
  10,
  11,
  100,
  101,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_648,
  -2_147_483_649,
  2 ** 53,
  1e300,
  -1e300,
  "0.5",
  "1e400",
  "12.345678901",
  [],
  [1, 2],
  ["a", "b"],
  [1, 1],
  {},
  { nested: [1, { deep: true }] },
  "USER",
  "user",
  "09:30",
  "Europe/Berlin",
];

const checkers = new Map(SECTION_SHAPES.map((shape) => [shape, { checker: rowChecker(shape), zod: rowSchema(shape) }]));

const sameAsZod = (shape: TSectionShape, row: Row) => {
  const { checker, zod: schema } = checkers.get(shape)!;
  const fast = checker.fast(row);
  if (!fast) return false;
  const zod = schema.safeParse(row);
  expect(zod.success, `zod refuses what the fast path took: ${JSON.stringify(row)}`).toBe(true);
  expect(fast).toEqual(zod.data);
  return true;
};

describe("account import: the fast path of a row's check", () => {
  it("takes a plain row of each section, giving what zod gives", () => {
    const taken = SECTION_SHAPES.filter((shape) => sameAsZod(shape, plainRow(shape)));
    // Sections whose plain row breaks a rule (a span, an entity related to itself) are left to zod, and to the cases below.
    expect(taken.length).toBeGreaterThan(SECTION_SHAPES.length * 0.8);
  });

  it("takes no value of any column that zod refuses, and gives what zod gives for the rest", () => {
    let taken = 0;
    for (const shape of SECTION_SHAPES)
      for (const column of shape.columns)
        for (const value of [...EDGES, plainValue(shape, column)]) {
          if (sameAsZod(shape, { ...plainRow(shape), [column.key]: value })) taken++;
          const without = plainRow(shape);
          delete without[column.key];
          if (sameAsZod(shape, without)) taken++;
        }
    expect(taken).toBeGreaterThan(1000);
  });

  it("leaves rows with an unknown key, or that are not objects, to zod", () => {
    const [shape] = SECTION_SHAPES;
    const checker = rowChecker(shape!);
    expect(checker.fast({ ...plainRow(shape!), extra: 1 })).toBeUndefined();
    expect(checker.fast(JSON.parse(`{"__proto__": {"polluted": true}}`))).toBeUndefined();
    expect(checker.fast([plainRow(shape!)])).toBeUndefined();
    expect(checker.fast("row")).toBeUndefined();
    expect(checker.parse({ ...plainRow(shape!), extra: 1 }).issues?.[0]?.code).toBe("unrecognized_keys");
  });

  it("agrees with zod on any JSON value in any column", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SECTION_SHAPES.length - 1 }),
        fc.nat(),
        fc.jsonValue(),
        (sectionIndex, columnIndex, value) => {
          const shape = SECTION_SHAPES[sectionIndex]!;
          const column = shape.columns[columnIndex % shape.columns.length]!;
          sameAsZod(shape, { ...plainRow(shape), [column.key]: value });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
