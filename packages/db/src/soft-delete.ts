import { isObject, MODEL_READS, mapNestedReads, readDataModel, type Args, type DataModel } from "./data-model.ts";
import { Prisma } from "./generated/prisma/client.ts";

/** Models with a `deletedAt` column (003's context entities, 001's analysis sessions, coach conversations). */
export const SOFT_DELETE_MODELS = [
  "Person",
  "Place",
  "Event",
  "Task",
  "Deadline",
  "AnalysisSession",
  "Conversation",
] as const;
export type SoftDeleteModel = (typeof SOFT_DELETE_MODELS)[number];

const softDeletable = new Set<string>(SOFT_DELETE_MODELS);

/**
 * Required to-one relations into a soft-deletable model. Prisma cannot filter them (the row always has
 * one), so they are the one place a trashed row still shows: an analysis message's session. Reach such
 * rows through a live parent instead.
 */
export const UNFILTERED_RELATIONS: Readonly<Record<string, readonly string[]>> = {
  AnalysisMessage: ["analysisSession"],
  Message: ["conversation"],
};

const READS = new Set<string>(MODEL_READS);

/** `where` with trashed rows left out, unless it names `deletedAt` itself (the trash, or "any"). */
const live = (where: unknown): Args => {
  const own = isObject(where) ? where : {};
  return "deletedAt" in own ? own : { ...own, deletedAt: null };
};

const RELATION_FILTERS = ["some", "every", "none", "is", "isNot"];

/**
 * Relation filters of a read see only live rows of soft-deletable models: `some`, `none`, `is` and the
 * to-one shorthand (`{ place: { name } }`) match live rows only, `every` holds when every live row
 * matches. `isNot` and `null` (no related row) compare the stored link and are left as written.
 */
const hideTrashInFilters = (dataModel: DataModel, model: string, where: unknown): unknown => {
  if (!isObject(where)) return where;
  const fields = dataModel[model] ?? {};
  const result: Args = {};
  for (const [key, value] of Object.entries(where)) {
    if (key === "AND" || key === "OR" || key === "NOT") {
      result[key] = Array.isArray(value)
        ? value.map((part) => hideTrashInFilters(dataModel, model, part))
        : hideTrashInFilters(dataModel, model, value);
      continue;
    }
    const relation = fields[key];
    if (relation?.kind !== "object" || !isObject(value)) {
      result[key] = value;
      continue;
    }
    const target = relation.type;
    const trashable = softDeletable.has(target);
    const inner = (filter: unknown) => hideTrashInFilters(dataModel, target, filter);
    if (!Object.keys(value).some((op) => RELATION_FILTERS.includes(op))) {
      result[key] = trashable ? live(inner(value)) : inner(value);
      continue;
    }
    const filters: Args = {};
    for (const [op, filter] of Object.entries(value)) {
      if (!isObject(filter) || !trashable || op === "isNot") filters[op] = isObject(filter) ? inner(filter) : filter;
      else if (op === "every") {
        const rewritten = inner(filter) as Args;
        filters[op] = "deletedAt" in rewritten ? rewritten : { OR: [rewritten, { deletedAt: { not: null } }] };
      } else filters[op] = live(inner(filter));
    }
    result[key] = filters;
  }
  return result;
};

/**
 * Normal reads exclude soft-deleted rows, at every depth:
 * - the rows a read returns, counts and aggregates (`findMany`, `findFirst`, `findUnique`, `count`,
 *   `aggregate`, `groupBy` and the `OrThrow` variants);
 * - relations it includes or selects, and those `_count` counts, in reads and in what writes return;
 * - relation filters in a read's `where`.
 * A caller that names `deletedAt` in a `where` (the trash: `{ deletedAt: { not: null } }`) takes control
 * of that level and is left alone there. Writes reach trashed rows, so they can be restored or purged.
 */
export const softDeleteExtension = Prisma.defineExtension((client) => {
  const dataModel = readDataModel(client);
  const relationArgs = (target: string, args: Args, from: { model: string; field: string }) => {
    const where = hideTrashInFilters(dataModel, target, args.where);
    if (!softDeletable.has(target) || UNFILTERED_RELATIONS[from.model]?.includes(from.field))
      return "where" in args ? { ...args, where } : args;
    return { ...args, where: live(where) };
  };
  const refuseCountAll = (model: string) => {
    const trashable = Object.entries(dataModel[model] ?? {}).some(
      ([field, { kind, type }]) =>
        kind === "object" && softDeletable.has(type) && !(`${field}Id` in (dataModel[model] ?? {})),
    );
    if (trashable)
      throw new Error(
        `@cto/db: \`_count: true\` on ${model} would count trashed rows; name the relations (\`_count: { select: { … } }\`) so they can be left out.`,
      );
  };
  return client.$extends({
    name: "cto-soft-delete",
    query: {
      $allModels: {
        $allOperations: ({ model, operation, args, query }) => {
          let rewritten = isObject(args) ? mapNestedReads(dataModel, model, args, relationArgs, refuseCountAll) : args;
          if (READS.has(operation) && isObject(rewritten)) {
            const where = hideTrashInFilters(dataModel, model, rewritten.where);
            rewritten = softDeletable.has(model)
              ? { ...rewritten, where: live(where) }
              : "where" in rewritten
                ? { ...rewritten, where }
                : rewritten;
          }
          return query(rewritten as typeof args);
        },
      },
    },
  });
});
