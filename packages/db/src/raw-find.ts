import { Prisma, queryRows } from "./client.ts";
import type { Args } from "./data-model.ts";
import { serverSqlState } from "./errors.ts";
import { quoteIdent, translateFindMany, type TRawColumn, type TRawModel } from "./raw-find-sql.ts";
import { SOFT_DELETE_MODELS } from "./soft-delete.ts";

export {
  translateFindMany,
  type TRawColumn,
  type TRawModel,
  type TRawStatement,
  type TTranslation,
} from "./raw-find-sql.ts";

/**
 * One column as the catalog describes it: its type's name, kind (`e`: enum), precision, a list's element
 * type, whether it is NOT NULL without a default, and whether its default is the time of the insert
 * (unknown: neither).
 */
export type TCatalogColumn = {
  name: string;
  type: string;
  kind: string;
  typmod: number;
  element: string | null;
  required?: boolean;
  stampsNow?: boolean;
};
/** A model as the generated client's runtime data model describes it (`_runtimeDataModel.models[name]`). */
export type TRuntimeModel = {
  dbName?: string | null;
  schema?: string | null;
  fields: readonly { name: string; kind: string; type: string; dbName?: string | null }[];
};

// The pg types whose values node-postgres parses into exactly what Prisma's findMany returns, by Prisma type;
// numeric comes as its text, which becomes a Prisma.Decimal as in Prisma (`rawFindMany`). Not here, so
// refused: BigInt and Bytes, timestamps without a time zone or finer than milliseconds, dates, floats (their
// text round trip is untested here), and enum lists (pg leaves them as '{A,B}').
const SCALAR_TYPES: Record<string, readonly string[]> = {
  String: ["text", "varchar", "uuid"],
  Int: ["int4", "int2"],
  Boolean: ["bool"],
  DateTime: ["timestamptz"],
  Json: ["json", "jsonb"],
  Decimal: ["numeric"],
};
const LIST_ELEMENTS: Record<string, readonly string[]> = {
  String: ["text", "varchar", "uuid"],
  Int: ["int4", "int2"],
  Boolean: ["bool"],
};
const softDeletable = new Set<string>(SOFT_DELETE_MODELS);

const readsLikePrisma = (field: TRuntimeModel["fields"][number], stored: TCatalogColumn) => {
  if (stored.element !== null) return field.kind === "scalar" && !!LIST_ELEMENTS[field.type]?.includes(stored.element);
  if (field.kind === "enum") return stored.kind === "e";
  if (field.type === "DateTime") return stored.type === "timestamptz" && stored.typmod >= 0 && stored.typmod <= 3;
  return !!SCALAR_TYPES[field.type]?.includes(stored.type);
};

/**
 * The model as the raw path reads it: its fields and their columns from the runtime data model, what
 * pg stores in each from the catalog. Null when any field's values would come back from pg otherwise
 * than from Prisma: every field is selected, so the whole model then stays on Prisma.
 */
export const describeRawModel = (
  model: string,
  runtime: TRuntimeModel,
  catalog: readonly TCatalogColumn[],
): TRawModel | null => {
  if (runtime.schema) return null;
  const byName = new Map(catalog.map((column) => [column.name, column]));
  const columns: Record<string, TRawColumn> = {};
  for (const field of runtime.fields) {
    if (field.kind !== "scalar" && field.kind !== "enum") continue;
    const column = field.dbName ?? field.name;
    const stored = byName.get(column);
    if (!stored || !readsLikePrisma(field, stored)) return null;
    columns[field.name] = {
      field: field.name,
      column,
      type: field.kind === "enum" ? "enum" : field.type,
      list: stored.element !== null,
      uuid: (stored.element ?? stored.type) === "uuid",
      required: stored.required === true,
      stampsNow: stored.stampsNow === true,
    };
  }
  return { model, table: runtime.dbName ?? model, softDelete: softDeletable.has(model), columns };
};

const CATALOG_SQL = `SELECT a.attname AS name, t.typname AS type, t.typtype AS kind, a.atttypmod AS typmod,
    CASE WHEN t.typcategory = 'A' THEN e.typname END AS element, a.attnotnull AND NOT a.atthasdef AS required,
    coalesce(lower(pg_get_expr(d.adbin, d.adrelid)) IN ('current_timestamp', 'now()'), false) AS "stampsNow"
  FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type e ON e.oid = t.typelem
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped`;

// Per client (a client and its `$replica()` view each read the catalog once), per model.
const described = new WeakMap<object, Map<string, Promise<TRawModel | null>>>();

/** The model's raw description on `db`, read from the catalog on first use; null when it stays on Prisma. */
export const rawModelOf = (db: object, model: string): Promise<TRawModel | null> => {
  const runtime = (db as { _runtimeDataModel?: { models?: Record<string, TRuntimeModel> } })._runtimeDataModel
    ?.models?.[model];
  if (!runtime) return Promise.resolve(null);
  const models = described.get(db) ?? new Map<string, Promise<TRawModel | null>>();
  described.set(db, models);
  const known = models.get(model);
  if (known) return known;
  const reading = queryRows<TCatalogColumn>(db, CATALOG_SQL, [quoteIdent(runtime.dbName ?? model)]).then(
    (catalog) => describeRawModel(model, runtime, catalog),
    (error: unknown) => {
      models.delete(model);
      throw error;
    },
  );
  models.set(model, reading);
  return reading;
};

// A value pg refuses (SQLSTATE class 22: an enum label that does not exist, an integer out of range): Prisma
// refuses it too, in its own words, which the callers already handle.
export const refusedValue = (error: unknown) => serverSqlState(error)?.startsWith("22") === true;

/** The rows with each Decimal column's text (as pg gives numeric) made a `Prisma.Decimal`, as Prisma returns it. */
export const withPrismaDecimals = (raw: TRawModel, rows: Record<string, unknown>[]) => {
  const decimals = Object.values(raw.columns).filter((column) => column.type === "Decimal");
  for (const row of decimals.length ? rows : [])
    for (const { field } of decimals) if (row[field] !== null) row[field] = new Prisma.Decimal(row[field] as string);
  return rows;
};

/**
 * `findMany({ where, orderBy, take })` of `model` as one parameterized statement on `queryRows`' path,
 * with the client's rules kept: trashed rows stay out unless `where` names `deletedAt`, a malformed uuid
 * matches nothing, and on `db.$replica()` it reads where a Prisma read would. The rows are what Prisma
 * returns. Null when the query or the model is outside what it translates (packages/db/README.md,
 * "The raw list path"): the caller then asks Prisma.
 */
export const rawFindMany = async <R extends object = Record<string, unknown>>(
  db: object,
  model: string,
  args: Args,
): Promise<R[] | null> => {
  const raw = await rawModelOf(db, model);
  if (!raw) return null;
  const statement = translateFindMany(raw, args);
  if (statement === null) return null;
  if (statement === "nothing") return [];
  let rows: Record<string, unknown>[];
  try {
    // A list is its owner's rows along an index whatever the values: one plan per connection serves them all.
    rows = await queryRows(db, statement.text, statement.values, { prepared: true });
  } catch (error) {
    if (refusedValue(error)) return null;
    throw error;
  }
  return withPrismaDecimals(raw, rows) as R[];
};
