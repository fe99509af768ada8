import { getTableColumns, type Table } from "drizzle-orm";
import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";

import { toApiEnum, toApiTimestamp } from "./boundary.ts";

/**
 * Row schemas as the API shows them, derived from the Drizzle tables that `prisma generate` writes
 * from the one Prisma schema (drizzle-prisma-generator → drizzle-zod), then mapped to the boundary's
 * conventions: timestamps as Unix milliseconds, enum values in lowercase snake, decimals as numbers.
 */
type ColumnMeta = { dataType: string; columnType: string; notNull: boolean; enumValues?: readonly string[] };

type Kind = "timestamp" | "enum" | "decimal" | "plain";

const kindOf = (column: ColumnMeta): Kind => {
  if (column.dataType === "date") return "timestamp";
  if (column.columnType === "PgEnumColumn") return "enum";
  if (column.columnType === "PgNumeric") return "decimal";
  return "plain";
};

type Column = { name: string; column: ColumnMeta; kind: Kind };
const columnCache = new WeakMap<Table, Column[]>();

/** A table's columns with their boundary kind, worked out once per table (serialising is on every response's path). */
const columnsOf = (table: Table): Column[] => {
  let columns = columnCache.get(table);
  if (!columns) {
    columns = (Object.entries(getTableColumns(table)) as [string, ColumnMeta][]).map(([name, column]) => ({
      name,
      column,
      kind: kindOf(column),
    }));
    columnCache.set(table, columns);
  }
  return columns;
};

const boundaryField = (column: ColumnMeta, base: z.ZodType): z.ZodType => {
  const kind = kindOf(column);
  let field: z.ZodType = base;
  if (kind === "timestamp") field = z.number().int().describe("Unix time in milliseconds");
  if (kind === "enum")
    field = z.enum((column.enumValues ?? []).map((value) => value.toLowerCase()) as [string, ...string[]]);
  if (kind === "decimal") field = z.number();
  if (kind === "plain") return base;
  return column.notNull ? field : field.nullable();
};

/** The API schema of a table's rows (all columns but `omit`). */
export const apiRowSchema = <T extends Table, O extends string = never>(
  table: T,
  { omit = [] as O[] }: { omit?: O[] } = {},
) => {
  const select = createSelectSchema(table) as unknown as z.ZodObject<Record<string, z.ZodType>>;
  const shape: Record<string, z.ZodType> = {};
  for (const { name, column } of columnsOf(table)) {
    if ((omit as string[]).includes(name)) continue;
    shape[name] = boundaryField(column, select.shape[name]!);
  }
  return z.object(shape);
};

type Decimalish = { toNumber: () => number } | string | number;

/** Converts a database row (as Prisma returns it) to the API's shape, dropping `omit`ted columns. */
export const toApiRow = (
  table: Table,
  row: Record<string, unknown>,
  omit: readonly string[] = [],
): Record<string, unknown> => {
  const result: Record<string, unknown> = {};
  for (const { name, kind } of columnsOf(table)) {
    if (omit.includes(name) || !(name in row)) continue;
    const value = row[name];
    if (value === null || value === undefined) {
      result[name] = value ?? null;
      continue;
    }
    if (kind === "timestamp") result[name] = toApiTimestamp(value as Date);
    else if (kind === "enum") result[name] = toApiEnum(value as string);
    else if (kind === "decimal")
      result[name] =
        typeof value === "object" ? (value as { toNumber: () => number }).toNumber() : Number(value as Decimalish);
    else result[name] = value;
  }
  return result;
};
