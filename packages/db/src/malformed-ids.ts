import { isObject, mapNestedReads, readDataModel, type Args, type DataModel } from "./data-model.ts";
import { Prisma } from "./generated/prisma/client.ts";

/**
 * Uuid columns that back no relation (polymorphic links, and links kept as plain columns). With every
 * model's `id` and every foreign key of a relation (`placeId` of `place`), they are the uuid fields;
 * test/malformed-ids.test.ts checks the rule against the migrated database's uuid columns. A field the
 * rule misses is only unguarded (PostgreSQL refuses the malformed id, as before); a text field is
 * never taken for a uuid, so lookups by `sourceId` or `chunkId` keep matching.
 */
export const PLAIN_UUID_FIELDS: Readonly<Record<string, readonly string[]>> = {
  AdminAuditLog: ["actorId", "targetId"],
  AuditLog: ["sessionId", "conversationId"],
  Embedding: ["ownerId"],
  EmbeddingHalfvec: ["userId"],
  EntityRelationship: ["sourceId", "targetId"],
};

/** The uuid fields of each model, by the rule above. */
export const uuidFields = (dataModel: DataModel): Record<string, Set<string>> =>
  Object.fromEntries(
    Object.entries(dataModel).map(([model, fields]) => {
      const scalar = (name: string) => fields[name]?.kind === "scalar" && fields[name]?.type === "String";
      const foreignKeys = Object.entries(fields)
        .filter(([, { kind }]) => kind === "object")
        .map(([relation]) => `${relation}Id`)
        .filter(scalar);
      const names = [...(scalar("id") ? ["id"] : []), ...foreignKeys, ...(PLAIN_UUID_FIELDS[model] ?? [])];
      return [model, new Set(names)];
    }),
  );

// Every spelling PostgreSQL's uuid input accepts: 32 hex digits, a hyphen allowed after any group of
// four, optionally in braces.
const UUID_TEXT = /^(?:[0-9a-f]{4}(?:-?[0-9a-f]{4}){7}|\{[0-9a-f]{4}(?:-?[0-9a-f]{4}){7}\})$/i;

/** Whether PostgreSQL would read `value` as a uuid. */
export const isUuidText = (value: string) => UUID_TEXT.test(value);

const NEVER = Symbol("never");
const ALWAYS = Symbol("always");
type Condition = Args | typeof NEVER | typeof ALWAYS;

const isMalformed = (value: unknown) => typeof value === "string" && !isUuidText(value);

/** A scalar filter on a uuid field: comparisons with a malformed id match nothing, `in` lists drop them. */
const scalarFilter = (filter: unknown): unknown | typeof NEVER | typeof ALWAYS => {
  if (isMalformed(filter)) return NEVER;
  if (!isObject(filter)) return filter;
  const result: Args = {};
  for (const [op, value] of Object.entries(filter)) {
    if (op === "in" && Array.isArray(value)) result[op] = value.filter((item) => !isMalformed(item));
    else if (op === "notIn" && Array.isArray(value)) result[op] = value.filter((item) => !isMalformed(item));
    else if (op === "not") {
      const inner = scalarFilter(value);
      if (inner === NEVER) continue; // "not this impossible id" holds for every row
      if (inner === ALWAYS) return NEVER;
      result[op] = inner;
    } else if (["equals", "lt", "lte", "gt", "gte"].includes(op) && isMalformed(value)) return NEVER;
    else result[op] = value;
  }
  return Object.keys(result).length === 0 && Object.keys(filter).length > 0 ? ALWAYS : result;
};

/**
 * `where` with every comparison of a uuid field against a malformed id resolved: such a comparison can
 * match no row, so it becomes false (and `NOT` of it true) before PostgreSQL, which would refuse the
 * cast and fail the query (and, in a transaction, the transaction), ever sees it.
 */
const resolveWhere = (
  dataModel: DataModel,
  uuids: Record<string, Set<string>>,
  model: string,
  where: unknown,
): Condition => {
  if (!isObject(where)) return where as Args;
  const fields = dataModel[model] ?? {};
  const result: Args = {};
  for (const [key, value] of Object.entries(where)) {
    if (key === "AND" || key === "OR" || key === "NOT") {
      const parts = (Array.isArray(value) ? value : [value]).map((part) => resolveWhere(dataModel, uuids, model, part));
      if (key === "AND") {
        if (parts.includes(NEVER)) return NEVER;
        result[key] = parts.filter((part) => part !== ALWAYS);
      } else if (key === "OR") {
        if (parts.includes(ALWAYS)) continue;
        const possible = parts.filter((part) => part !== NEVER);
        if (possible.length === 0 && parts.length > 0) return NEVER;
        result[key] = possible;
      } else {
        if (parts.includes(ALWAYS)) return NEVER;
        result[key] = parts.filter((part) => part !== NEVER);
      }
      continue;
    }
    const field = fields[key];
    if (field?.kind === "object" && isObject(value)) {
      const relation = resolveRelationFilter(dataModel, uuids, field.type, value);
      if (relation === NEVER) return NEVER;
      if (relation !== ALWAYS) result[key] = relation;
      continue;
    }
    if (uuids[model]?.has(key)) {
      const filter = scalarFilter(value);
      if (filter === NEVER) return NEVER;
      if (filter !== ALWAYS) result[key] = filter;
      continue;
    }
    if (field) {
      result[key] = value;
      continue;
    }
    if (isObject(value)) {
      // A compound unique key (`userId_type_periodStart: { userId, … }`): its parts are fields of this model.
      const compound = resolveWhere(dataModel, uuids, model, value);
      if (compound === NEVER) return NEVER;
      result[key] = compound === ALWAYS ? value : compound;
      continue;
    }
    result[key] = value;
  }
  return result;
};

const RELATION_FILTERS = ["some", "every", "none", "is", "isNot"];

const resolveRelationFilter = (
  dataModel: DataModel,
  uuids: Record<string, Set<string>>,
  target: string,
  filter: Args,
): Condition => {
  if (!Object.keys(filter).some((op) => RELATION_FILTERS.includes(op)))
    return resolveWhere(dataModel, uuids, target, filter);
  const result: Args = {};
  for (const [op, inner] of Object.entries(filter)) {
    const resolved = isObject(inner) ? resolveWhere(dataModel, uuids, target, inner) : inner;
    if (resolved === NEVER) {
      if (op === "some" || op === "is") return NEVER;
      if (op === "every") result.none = {}; // every related row matches "false": there is none
      // none / isNot of an impossible condition hold for every row
      continue;
    }
    result[op] = resolved === ALWAYS ? {} : resolved;
  }
  return result;
};

/** Prisma's own answer for a unique record that is not there, so callers handle both the same way. */
const notFound = (model: string, operation: string) =>
  new Prisma.PrismaClientKnownRequestError(
    `No record was found for ${operation} on ${model}: a malformed id matches no row.`,
    {
      code: "P2025",
      clientVersion: Prisma.prismaVersion.client,
      meta: { modelName: model, cause: "malformed id" },
    },
  );

const UNIQUE_READS: Record<string, "null" | "throw"> = {
  findUnique: "null",
  findUniqueOrThrow: "throw",
  update: "throw",
  delete: "throw",
};
const MANY_READS = new Set(["findMany", "findFirst", "findFirstOrThrow"]);
const FILTERED = new Set([
  "findMany",
  "findFirst",
  "findFirstOrThrow",
  "count",
  "aggregate",
  "groupBy",
  "updateMany",
  "updateManyAndReturn",
  "deleteMany",
]);

/**
 * A malformed id in a filter matches nothing instead of failing the query: `findUnique` answers null,
 * `findMany` an empty list, `count` 0, `update`/`delete` Prisma's "record not found" (P2025), and a
 * cursor that is no uuid ends the list. Auth.js's adapter, for one, calls `getUser(id)` with whatever
 * id a session cookie names. Values written (`data`) are left to the database: a malformed id there
 * is refused as a constraint violation.
 */
export const malformedIdsExtension = Prisma.defineExtension((client) => {
  const dataModel = readDataModel(client);
  const uuids = uuidFields(dataModel);
  const resolve = (model: string, where: unknown) => resolveWhere(dataModel, uuids, model, where);
  // "Matches nothing" in Prisma's words: an empty `in` list is false (an empty OR is not, in Prisma 7).
  const nothing = (model: string): Args => {
    const field = Object.entries(dataModel[model] ?? {}).find(([, { kind }]) => kind === "scalar")?.[0] ?? "id";
    return { [field]: { in: [] } };
  };
  const asWhere = (model: string, condition: Condition) =>
    condition === NEVER ? nothing(model) : condition === ALWAYS ? {} : condition;
  const nested = (target: string, args: Args) => {
    const withWhere = "where" in args ? { ...args, where: asWhere(target, resolve(target, args.where)) } : args;
    if (!isObject(args.cursor) || resolve(target, args.cursor) !== NEVER) return withWhere;
    const { cursor: _cursor, ...rest } = withWhere;
    return { ...rest, where: nothing(target) };
  };
  return client.$extends({
    name: "cto-malformed-ids",
    query: {
      $allModels: {
        $allOperations: ({ model, operation, args, query }) => {
          if (!isObject(args)) return query(args);
          let rewritten = mapNestedReads(dataModel, model, args, nested);
          const where = "where" in rewritten ? resolve(model, rewritten.where) : undefined;
          const unique = UNIQUE_READS[operation];
          if (unique && where === NEVER)
            return unique === "null" ? Promise.resolve(null) : Promise.reject(notFound(model, operation));
          if (MANY_READS.has(operation) && isObject(rewritten.cursor) && resolve(model, rewritten.cursor) === NEVER) {
            if (operation === "findMany") return Promise.resolve([]);
            if (operation === "findFirst") return Promise.resolve(null);
            return Promise.reject(notFound(model, operation));
          }
          if (where !== undefined && (FILTERED.has(operation) || unique))
            rewritten = { ...rewritten, where: asWhere(model, where) };
          return query(rewritten as typeof args);
        },
      },
    },
  });
});
