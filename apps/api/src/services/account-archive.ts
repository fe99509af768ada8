import { getTableColumns, type Table } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { z } from "zod";

import { ZPreferencesPatchSchema } from "@cto/contracts/api/auth";
import { User } from "@cto/contracts/tables";
import { isStorableText, jsonValueIssues, TEXT_MESSAGE, TIMESTAMP_RANGE } from "@cto/contracts/values";

import { ACCOUNT_SECTIONS, type Section } from "./account-sections.ts";

/**
 * The archive of `GET /me/export` as `POST /me/import` accepts it: every section's rows exactly as the
 * export writes them (Prisma rows as JSON: ISO 8601 instants, UPPER_SNAKE enum values, decimals as
 * strings), each column checked against what the database stores, so a malformed archive is refused
 * with the path of each problem instead of failing inside the database. Types, nullability, enum
 * values, foreign keys and unique keys come from the Drizzle tables of the one Prisma schema.
 */

export const ARCHIVE_FORMAT = "cto-account-export";
export const ARCHIVE_VERSION = 1;

type TColumn = {
  key: string;
  name: string;
  columnType: string;
  notNull: boolean;
  hasDefault: boolean;
  enumValues?: string[];
  baseColumn?: { columnType: string };
};
/** What each section's rows may hold, worked out once from its table and its declaration. */
export type TSectionShape = {
  section: Section;
  columns: TColumn[];
  /** Foreign-key columns → the section key they name; the owner columns (→ users) are listed apart. */
  foreignKeys: Record<string, string>;
  ownerColumns: string[];
  /** The table's unique keys within one account: owner columns left out, so `[]` means one row at most. */
  uniqueKeys: string[][];
  uuidColumns: Set<string>;
};

/** A PostgreSQL integer column's range: what an archive's integers are checked against. */
export const INT4: [number, number] = [-2_147_483_648, 2_147_483_647];
// Stored JSON the server wrote (AI request logs, report payloads) may be larger than a request's metadata may.
const ARCHIVE_JSON_LIMITS = { depth: 32, keys: 100_000, keyLength: 10_000, bytes: 10_000_000 };
const TIMESTAMP_MESSAGE =
  "must be an ISO 8601 instant in UTC, as the export writes it (2025-01-31T09:30:00.000Z), between years 1 and 9999";
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,3}))?Z$/;
// No regex flags: the OpenAPI document carries the pattern as JSON Schema, which has none (an /i became part of it).
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const columnsOf = (table: Table): TColumn[] =>
  Object.entries(getTableColumns(table)).map(([key, column]) => ({
    key,
    ...(column as unknown as Omit<TColumn, "key">),
  }));

const shapeOf = (section: Section): TSectionShape => {
  const columns = columnsOf(section.table).filter((column) => !section.omit?.includes(column.key));
  const keyOf = new Map(columnsOf(section.table).map((column) => [column.name, column.key]));
  const config = getTableConfig(section.table as Parameters<typeof getTableConfig>[0]);
  const foreignKeys: Record<string, string> = {};
  const ownerColumns: string[] = [];
  for (const foreignKey of config.foreignKeys) {
    const {
      columns: [column],
      foreignTable,
    } = foreignKey.reference();
    const key = keyOf.get(column!.name)!;
    if (foreignTable === User) ownerColumns.push(key);
    else {
      const target = ACCOUNT_SECTIONS.find((candidate) => candidate.table === foreignTable);
      if (!target) throw new Error(`account archive: ${section.key}.${key} refers to a table no section exports`);
      foreignKeys[key] = target.key;
    }
  }
  const uniqueKeys = [
    ...config.indexes
      .filter((index) => index.config.unique)
      .map((index) => index.config.columns.map((column) => keyOf.get((column as { name: string }).name)!)),
    ...columns.filter((column) => (column as { isUnique?: boolean }).isUnique).map((column) => [column.key]),
  ].map((key) => key.filter((column) => !ownerColumns.includes(column)));
  const loose = Object.entries(section.looseReferences ?? {}).filter(
    ([, reference]) => !("history" in reference) || reference.history !== "any",
  );
  const uuidColumns = new Set([
    "id",
    ...ownerColumns,
    ...Object.keys(foreignKeys),
    ...loose.map(([column]) => column),
    ...(section.uuid ?? []),
  ]);
  return { section, columns, foreignKeys, ownerColumns, uniqueKeys, uuidColumns };
};

export const SECTION_SHAPES: TSectionShape[] = ACCOUNT_SECTIONS.map(shapeOf);

const zStorableText = () => z.string().refine(isStorableText, TEXT_MESSAGE);

/** An instant as the export writes it; `2025-02-30T…` and other dates a parser would roll over are refused. */
export const ZArchiveTimestampSchema = z.string().transform((text, context) => {
  const match = ISO_INSTANT.exec(text);
  const date = new Date(match ? `${match[1]}.${(match[2] ?? "").padEnd(3, "0")}Z` : Number.NaN);
  const time = date.getTime();
  if (
    !match ||
    Number.isNaN(time) ||
    date.toISOString() !== `${match[1]}.${(match[2] ?? "").padEnd(3, "0")}Z` ||
    time < TIMESTAMP_RANGE.min ||
    time > TIMESTAMP_RANGE.max
  ) {
    context.addIssue({ code: "custom", message: TIMESTAMP_MESSAGE });
    return z.NEVER;
  }
  return date;
});

const zRange = (schema: z.ZodNumber, [min, max]: [number, number]) => schema.min(min).max(max);

/** NUMERIC(precision, scale): a decimal string (as Prisma writes one) or a number, kept as text so nothing is rounded twice. */
const zDecimal = ([precision, scale]: [number, number], range?: [number, number]) =>
  z.union([z.string().regex(DECIMAL, "must be a decimal number"), z.number()]).transform((value, context) => {
    const number = Number(value);
    const limit = 10 ** (precision - scale);
    if (!Number.isFinite(number) || Math.abs(number) >= limit)
      context.addIssue({ code: "custom", message: `must be a decimal below ${limit} in magnitude` });
    else if (range && (number < range[0] || number > range[1]))
      context.addIssue({ code: "custom", message: `must be between ${range[0]} and ${range[1]}` });
    return String(value);
  });

const zJson = (notNull: boolean) =>
  z.unknown().superRefine((value, context) => {
    if (value === undefined || (notNull && value === null))
      return context.addIssue({ code: "custom", message: "must be a JSON value, not null" });
    for (const issue of jsonValueIssues(value, ARCHIVE_JSON_LIMITS))
      context.addIssue({ code: "custom", path: issue.path, message: issue.message });
  });

const baseSchema = (shape: Pick<TSectionShape, "section" | "uuidColumns">, column: TColumn): z.ZodType => {
  const range = shape.section.ranges?.[column.key];
  if (shape.uuidColumns.has(column.key)) return z.uuid();
  switch (column.columnType) {
    case "PgText":
      return zStorableText();
    case "PgEnumColumn":
      return z.enum(column.enumValues as [string, ...string[]]);
    case "PgTimestamp":
      return ZArchiveTimestampSchema;
    case "PgBoolean":
      return z.boolean();
    case "PgInteger":
      return zRange(z.number().int(), range ?? INT4);
    case "PgDoublePrecision":
      return range ? zRange(z.number(), range) : z.number();
    case "PgNumeric": {
      const decimal = shape.section.decimals?.[column.key];
      if (!decimal)
        throw new Error(
          `account archive: ${shape.section.key}.${column.key} needs its NUMERIC(precision, scale) declared`,
        );
      return zDecimal(decimal, range);
    }
    case "PgJsonb":
      return zJson(column.notNull);
    case "PgArray":
      if (column.baseColumn?.columnType === "PgText") return z.array(zStorableText());
      if (column.baseColumn?.columnType === "PgInteger") return z.array(zRange(z.number().int(), range ?? INT4));
      break;
  }
  throw new Error(
    `account archive: ${shape.section.key}.${column.key} has a column type the archive does not know (${column.columnType})`,
  );
};

/**
 * One column as the archive holds it. Null only where the column is nullable; left out only where
 * the database has a value for it (nullable, a default, or updatedAt, which Prisma sets).
 */
const columnSchema = (shape: Pick<TSectionShape, "section" | "uuidColumns">, column: TColumn) => {
  let schema = baseSchema(shape, column);
  if (!column.notNull) schema = schema.nullable();
  if (!column.notNull || (column.hasDefault && column.key !== "id") || column.key === "updatedAt")
    schema = schema.optional();
  return schema;
};

export const rowSchema = (shape: TSectionShape) =>
  z
    .strictObject(Object.fromEntries(shape.columns.map((column) => [column.key, columnSchema(shape, column)])))
    .superRefine((row, context) => {
      for (const rule of shape.section.rules ?? []) {
        const issue = rule(row);
        if (issue) context.addIssue({ code: "custom", path: [issue.column], message: issue.message });
      }
    });

/** Profile fields an import carries over; identity (email, password, role) stays the importing account's. */
export const PROFILE_FIELDS = [
  "name",
  "image",
  "preferences",
  "currentRole",
  "experienceLevel",
  "industry",
  "yearsOfExperience",
  "currentSkills",
  "targetSkills",
  "bio",
  "currentGoals",
  "achievementScore",
  "currentModel",
  "preferredModels",
] as const;

const userShape = {
  section: {
    key: "user",
    ranges: { yearsOfExperience: [0, INT4[1]], achievementScore: [0, INT4[1]] },
  } as unknown as Section,
  uuidColumns: new Set(["id"]),
};
// Every column the export writes about the user is accepted; only PROFILE_FIELDS are used.
export const ZArchiveUserSchema = z.strictObject(
  Object.fromEntries(
    columnsOf(User)
      .filter((column) => column.key !== "passwordHash")
      .map((column) => {
        if (column.key === "id") return [column.key, z.uuid()];
        if (column.key === "preferences")
          return [column.key, z.looseObject(ZPreferencesPatchSchema.shape).and(zJson(true)).optional()];
        return [column.key, columnSchema(userShape, { ...column, hasDefault: true })];
      }),
  ),
);

export const ZAccountArchiveSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: z.string().max(100),
  user: ZArchiveUserSchema,
  data: z.strictObject(
    Object.fromEntries(SECTION_SHAPES.map((shape) => [shape.section.key, z.array(rowSchema(shape)).optional()])),
  ),
  // Vectors are re-computed from the imported rows; the exported ones are not read.
  embeddings: z.array(z.unknown()).optional(),
});
