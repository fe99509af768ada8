import { isObject, type Args } from "./data-model.ts";
import { isUuidText } from "./malformed-ids.ts";

/**
 * A field the raw path reads: its column, Prisma's type (`String`, `Int`, `DateTime`, `enum`…), what pg
 * stores, whether an insert must name it (NOT NULL without a default) and whether its default is the
 * time of the insert (Prisma's `now()` and `@updatedAt`, which Prisma fills in from the app's clock).
 */
export type TRawColumn = {
  field: string;
  column: string;
  type: string;
  list: boolean;
  uuid: boolean;
  required: boolean;
  stampsNow: boolean;
};
/** A model whose every field pg parses as Prisma returns it (`describeRawModel`). */
export type TRawModel = { model: string; table: string; softDelete: boolean; columns: Record<string, TRawColumn> };
export type TRawStatement = { text: string; values: unknown[] };
/** What `translateFindMany` makes of a query: a statement, "nothing" (no row can match), or null (ask Prisma). */
export type TTranslation = TRawStatement | "nothing" | null;

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

const selectLists = new WeakMap<TRawModel, string>();
/** Every column of the model under its field's name, as a SELECT or a RETURNING lists them; made once per model. */
export const selectList = (model: TRawModel) => {
  let list = selectLists.get(model);
  if (list === undefined) {
    list = Object.values(model.columns)
      .map(({ field, column }) => `${quoteIdent(column)} AS ${quoteIdent(field)}`)
      .join(", ");
    selectLists.set(model, list);
  }
  return list;
};

const NOTHING = Symbol("nothing");
const REFUSED = Symbol("refused");
type TCondition = string | null | typeof NOTHING | typeof REFUSED;

// The values a filter may compare a column with; anything else (a Decimal, a date as text) is Prisma's to read.
const fits = (column: TRawColumn, value: unknown) => {
  if (column.type === "DateTime") return value instanceof Date && !Number.isNaN(value.getTime());
  if (column.type === "Int") return Number.isSafeInteger(value);
  if (column.type === "Boolean") return typeof value === "boolean";
  return (column.type === "String" || column.type === "enum") && typeof value === "string";
};
// A uuid column compared with a string pg cannot read as a uuid: no row holds it (the malformed-ids rule).
const malformed = (column: TRawColumn, value: unknown) =>
  column.uuid && typeof value === "string" && !isUuidText(value);

const COMPARISONS: Record<string, string> = { equals: "=", gt: ">", gte: ">=", lt: "<", lte: "<=" };

/** One field's filter as SQL conditions (ANDed); `param` adds a value and names its placeholder. */
const fieldConditions = (column: TRawColumn, filter: unknown, param: (value: unknown) => string): TCondition[] => {
  const name = quoteIdent(column.column);
  if (column.type === "Json" || (column.list && !isObject(filter))) return [REFUSED];
  if (filter === null) return [`${name} IS NULL`];
  const ops = isObject(filter) ? filter : { equals: filter };
  const conditions: TCondition[] = [];
  for (const [op, value] of Object.entries(ops)) {
    if (value === undefined) continue;
    if (column.list) {
      const items = op === "has" ? [value] : op === "hasSome" && Array.isArray(value) ? value : null;
      if (!items?.every((item) => fits(column, item))) return [REFUSED];
      const kept = items.filter((item) => !malformed(column, item));
      if (op === "has") conditions.push(kept.length ? `${param(value)} = ANY(${name})` : NOTHING);
      else conditions.push(`${name} && ${param(kept)}`);
    } else if (op in COMPARISONS) {
      if (value === null && op === "equals") conditions.push(`${name} IS NULL`);
      else if (!fits(column, value)) return [REFUSED];
      else conditions.push(malformed(column, value) ? NOTHING : `${name} ${COMPARISONS[op]} ${param(value)}`);
    } else if (op === "in") {
      if (!Array.isArray(value) || !value.every((item) => fits(column, item))) return [REFUSED];
      conditions.push(`${name} = ANY(${param(value.filter((item) => !malformed(column, item)))})`);
    } else if (op === "not" && value === null) conditions.push(`${name} IS NOT NULL`);
    else return [REFUSED];
  }
  return conditions;
};

const orderTerm = (model: TRawModel, term: unknown): string | null => {
  if (!isObject(term) || Object.keys(term).length !== 1) return null;
  const [[field, order]] = Object.entries(term) as [[string, unknown]];
  const column = model.columns[field];
  if (!column || column.list || column.type === "Json") return null;
  const { sort, nulls, ...rest } = isObject(order) ? order : { sort: order };
  if (Object.keys(rest).length || (sort !== "asc" && sort !== "desc")) return null;
  if (nulls !== undefined && nulls !== "first" && nulls !== "last") return null;
  return `${quoteIdent(column.column)} ${sort.toUpperCase()}${nulls ? ` NULLS ${String(nulls).toUpperCase()}` : ""}`;
};

/**
 * A restricted `findMany({ where, orderBy, take })` of `model` as one parameterized statement selecting
 * every scalar field under its own name. `where`: fields equal to a value or null, `{ equals, in, gt, gte,
 * lt, lte, not: null }` on scalars, `{ has, hasSome }` on lists; undefined values are skipped as Prisma
 * skips them. Trashed rows of a soft-deleting model are left out unless `where` names `deletedAt`. Null
 * for anything else (relations, AND/OR/NOT, modes, json filters, cursors, selections), "nothing" when a
 * malformed uuid makes every row fail the filter.
 */
export const translateFindMany = (model: TRawModel, args: Args): TTranslation => {
  const { where = {}, orderBy = [], take, ...rest } = args;
  if (Object.values(rest).some((value) => value !== undefined) || !isObject(where)) return null;
  const filters = model.softDelete && !("deletedAt" in where) ? { ...where, deletedAt: null } : where;
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const conditions: string[] = [];
  for (const [field, filter] of Object.entries(filters)) {
    if (filter === undefined) continue;
    const column = model.columns[field];
    if (!column) return null;
    for (const condition of fieldConditions(column, filter, param)) {
      if (condition === REFUSED) return null;
      if (condition === NOTHING) return "nothing";
      if (condition) conditions.push(condition);
    }
  }
  const order = (Array.isArray(orderBy) ? orderBy : [orderBy]).map((term) => orderTerm(model, term));
  if (order.some((term) => term === null)) return null;
  if (take !== undefined && !(Number.isSafeInteger(take) && (take as number) >= 0)) return null;
  const text = [
    `SELECT ${selectList(model)} FROM ${quoteIdent(model.table)}`,
    conditions.length ? `WHERE ${conditions.join(" AND ")}` : "",
    order.length ? `ORDER BY ${order.join(", ")}` : "",
    take === undefined ? "" : `LIMIT ${param(take)}`,
  ];
  return { text: text.filter(Boolean).join(" "), values };
};
