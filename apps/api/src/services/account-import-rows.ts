import { z } from "zod";

import { isStorableText, TIMESTAMP_RANGE } from "@cto/contracts/values";

import { INT4, rowSchema, type TSectionShape } from "./account-archive.ts";

type Row = Record<string, unknown>;
/** A column's value as zod's schema would give it, or FALLBACK: let zod judge (and word the problem). */
type TColumnCheck = (value: unknown) => unknown;

const FALLBACK = Symbol("fallback");
const UUID = z.regexes.uuid();

const inRange = (value: number, range: [number, number] | undefined) =>
  !range || (value >= range[0] && value <= range[1]);

/** The export's own form of an instant (24 characters, milliseconds given): one that reads back as itself. */
const instant = (value: unknown) => {
  if (typeof value !== "string" || value.length !== 24) return FALLBACK;
  const date = new Date(value);
  const time = date.getTime();
  if (!(time >= TIMESTAMP_RANGE.min && time <= TIMESTAMP_RANGE.max) || date.toISOString() !== value) return FALLBACK;
  return date;
};

/**
 * The column's check for the values an archive mostly holds, without zod's machinery; each accepts no
 * more than the column's zod schema does (test/account-import-rows.test.ts holds them to it). Other
 * column types (decimals, JSON, arrays) go through the column's own zod schema.
 */
const fastCheck = (shape: TSectionShape, column: TSectionShape["columns"][number]): TColumnCheck | undefined => {
  const range = shape.section.ranges?.[column.key];
  if (shape.uuidColumns.has(column.key))
    return (value) => (typeof value === "string" && UUID.test(value) ? value : FALLBACK);
  switch (column.columnType) {
    case "PgText":
      return (value) => (typeof value === "string" && isStorableText(value) ? value : FALLBACK);
    case "PgEnumColumn": {
      const values = new Set(column.enumValues);
      return (value) => (typeof value === "string" && values.has(value) ? value : FALLBACK);
    }
    case "PgTimestamp":
      return instant;
    case "PgBoolean":
      return (value) => (typeof value === "boolean" ? value : FALLBACK);
    case "PgInteger":
      return (value) => (Number.isSafeInteger(value) && inRange(value as number, range ?? INT4) ? value : FALLBACK);
    case "PgDoublePrecision":
      return (value) => (Number.isFinite(value) && inRange(value as number, range) ? value : FALLBACK);
  }
  return undefined;
};

/**
 * A section's row check: the row's zod schema (rowSchema) as the judge, with a fast path for rows
 * whose every value is of a common, valid form. Most rows take the fast path and come out as zod would
 * give them (instants as Dates, decimals as text); any other row, valid or not, goes to zod, so every
 * problem is found and worded by it.
 */
export const rowChecker = (shape: TSectionShape) => {
  const schema = rowSchema(shape);
  const columns = shape.columns.map((column) => {
    const own = (schema.shape as Record<string, z.ZodType>)[column.key]!;
    const check =
      fastCheck(shape, column) ??
      ((value: unknown) => {
        const parsed = own.safeParse(value);
        return parsed.success ? parsed.data : FALLBACK;
      });
    return {
      key: column.key,
      check,
      nullable: own.safeParse(null).success,
      optional: own.safeParse(undefined).success,
    };
  });
  const byKey = new Map(columns.map((column) => [column.key, column]));
  const rules = shape.section.rules ?? [];

  const fast = (value: unknown): Row | undefined => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    const input = value as Row;
    for (const key in input) if (!byKey.has(key)) return undefined;
    const row: Row = {};
    for (const column of columns) {
      const given = input[column.key];
      if (given === undefined) {
        if (!column.optional || Object.hasOwn(input, column.key)) return undefined;
        continue;
      }
      if (given === null) {
        if (!column.nullable) return undefined;
        row[column.key] = null;
        continue;
      }
      const checked = column.check(given);
      if (checked === FALLBACK) return undefined;
      row[column.key] = checked;
    }
    for (const rule of rules) if (rule(row)) return undefined;
    return row;
  };

  return {
    /** The fast path alone: the row as zod would parse it, or undefined where zod must judge. */
    fast,
    /** The row as zod would parse it, or its problems (paths within the row). */
    parse: (value: unknown): { row: Row; issues?: undefined } | { row?: undefined; issues: z.core.$ZodIssue[] } => {
      const row = fast(value);
      if (row) return { row };
      const parsed = schema.safeParse(value);
      return parsed.success ? { row: parsed.data as Row } : { issues: parsed.error.issues };
    },
  };
};
