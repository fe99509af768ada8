import { hasRowsPath, Prisma, queryRows } from "./client.ts";
import { isObject, type Args } from "./data-model.ts";
import { serverSqlState } from "./errors.ts";
import { quoteIdent, selectList, type TRawColumn, type TRawModel, type TRawStatement } from "./raw-find-sql.ts";
import { rawModelOf, refusedValue, withPrismaDecimals } from "./raw-find.ts";

const REFUSED = Symbol("refused");

/** Whether `value` is JSON as Prisma writes it: Prisma's null markers and anything JSON cannot say are Prisma's. */
const jsonText = (value: unknown): string | typeof REFUSED => {
  if (value === null || value === undefined) return REFUSED;
  if (isObject(value) && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
    return REFUSED;
  try {
    return JSON.stringify(value) ?? REFUSED;
  } catch {
    return REFUSED;
  }
};

const scalarFits = (column: TRawColumn, value: unknown) => {
  switch (column.type) {
    case "DateTime":
      return value instanceof Date && !Number.isNaN(value.getTime());
    case "Int":
      return Number.isSafeInteger(value);
    case "Boolean":
      return typeof value === "boolean";
    case "Decimal":
      return Prisma.Decimal.isDecimal(value) || typeof value === "string" || Number.isFinite(value);
    case "String":
    case "enum":
      return typeof value === "string";
    default:
      return false;
  }
};

/** The value as pg takes it for the column, or REFUSED when it is Prisma's to write (or refuse). */
const columnValue = (column: TRawColumn, value: unknown): unknown => {
  if (column.type === "Json") return jsonText(value);
  if (value === null) return null;
  if (column.list) return Array.isArray(value) && value.every((item) => scalarFits(column, item)) ? value : REFUSED;
  if (!scalarFits(column, value)) return REFUSED;
  return column.type === "Decimal" ? String(value) : value;
};

/**
 * `create({ data })` of `model` as one `INSERT … RETURNING` statement giving every scalar field under its
 * own name, or null (ask Prisma): a field that is not one of the model's columns (a relation, a nested
 * write), a value of another shape than the column's (a date as text, `{ set: [...] }`, Prisma's JSON
 * null markers), or a required column (NOT NULL without a default) the data leaves out. Undefined values
 * are skipped, as Prisma skips them. Columns the data leaves out take their database defaults (the
 * migrations give one to every value Prisma fills in itself: ids, `now()`, `@updatedAt`), except those
 * stamped with the time of the insert: as in Prisma, they get the app's clock, one value for all.
 */
export const translateCreate = (model: TRawModel, data: Args): TRawStatement | null => {
  const names: string[] = [];
  const values: unknown[] = [];
  for (const [field, value] of Object.entries(data)) {
    if (value === undefined) continue;
    const column = model.columns[field];
    if (!column) return null;
    const written = columnValue(column, value);
    if (written === REFUSED) return null;
    names.push(quoteIdent(column.column));
    values.push(written);
  }
  // What Prisma fills in itself: the time of the insert, one value for every such column, from the app's clock.
  const now = new Date();
  for (const column of Object.values(model.columns)) {
    if (data[column.field] !== undefined) continue;
    if (column.required) return null;
    if (column.stampsNow) {
      names.push(quoteIdent(column.column));
      values.push(now);
    }
  }
  const insert = names.length
    ? `(${names.join(", ")}) VALUES (${values.map((_, index) => `$${index + 1}`).join(", ")})`
    : "DEFAULT VALUES";
  return { text: `INSERT INTO ${quoteIdent(model.table)} ${insert} RETURNING ${selectList(model)}`, values };
};

// A constraint the row breaks (SQLSTATE class 23: a duplicate, a missing referenced row, a NOT NULL): nothing
// was written, and Prisma, asked the same, refuses in the words its callers already handle (P2002, P2003…).
const brokenConstraint = (error: unknown) => serverSqlState(error)?.startsWith("23") === true;

/**
 * `create({ data })` of `model` on `queryRows`' path (the primary's own pg pool, no Prisma in between):
 * the row Prisma would return, or null when the write is Prisma's to make (`translateCreate`; `db` a
 * transaction; a model whose columns pg gives back otherwise than Prisma) or to refuse in its own words
 * (a value pg refuses, a broken constraint). For the few hottest writes, where Prisma's own work costs
 * several times the insert's (docs/benchmarks.md); the client's query extensions do not see it, so
 * only a model delegate's plain `create` may take it.
 */
export const rawCreate = async <R extends object = Record<string, unknown>>(
  db: object,
  model: string,
  data: Args,
): Promise<R | null> => {
  if (!hasRowsPath(db)) return null;
  const raw = await rawModelOf(db, model);
  if (!raw) return null;
  const statement = translateCreate(raw, data);
  if (!statement) return null;
  let rows: Record<string, unknown>[];
  try {
    // An insert has one plan; named, each connection parses its text once.
    rows = await queryRows(db, statement.text, statement.values, { prepared: true });
  } catch (error) {
    if (refusedValue(error) || brokenConstraint(error)) return null;
    throw error;
  }
  return withPrismaDecimals(raw, rows)[0] as R;
};
