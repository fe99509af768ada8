/** A model's fields as the generated client describes them: scalars, enums and relations (`object`). */
export type ModelFields = Record<string, { kind: string; type: string }>;
export type DataModel = Record<string, ModelFields>;

/** The model operations that only read: the query extensions route them (replicas) or narrow them (soft delete). */
export const MODEL_READS = [
  "findMany",
  "findFirst",
  "findFirstOrThrow",
  "findUnique",
  "findUniqueOrThrow",
  "count",
  "aggregate",
  "groupBy",
] as const;

type RuntimeDataModel = { models: Record<string, { fields: readonly { name: string; kind: string; type: string }[] }> };

/**
 * The schema's models, fields and relation targets, from the client the extensions are applied to.
 * Query extensions get a model name and its arguments only; following `include`, `select` and relation
 * filters to the models they reach needs the relation graph, which the generated client carries.
 */
export const readDataModel = (client: object): DataModel => {
  const runtime = (client as { _runtimeDataModel?: RuntimeDataModel })._runtimeDataModel;
  if (!runtime?.models)
    throw new Error("@cto/db: the Prisma client carries no runtime data model; the query extensions need it.");
  return Object.fromEntries(
    Object.entries(runtime.models).map(([model, { fields }]) => [
      model,
      Object.fromEntries(fields.map(({ name, kind, type }) => [name, { kind, type }])),
    ]),
  );
};

export type Args = Record<string, unknown>;

export const isObject = (value: unknown): value is Args =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * Rewrites every nested relation read of `args` (the entries of `include` and `select`, and the
 * relations `_count` counts), depth first: `rewrite(target, relationArgs, { model, field })` gets each
 * relation's own arguments (`{}` for `true`) and returns them rewritten.
 */
export const mapNestedReads = (
  dataModel: DataModel,
  model: string,
  args: Args,
  rewrite: (target: string, relationArgs: Args, from: { model: string; field: string; counting: boolean }) => Args,
  countAll?: (model: string) => void,
): Args => {
  const fields = dataModel[model] ?? {};
  const mapSelection = (selection: unknown) => {
    if (!isObject(selection)) return selection;
    const mapped: Args = {};
    for (const [field, value] of Object.entries(selection)) {
      if (field === "_count") {
        mapped[field] = mapCount(value);
        continue;
      }
      const relation = fields[field];
      if (relation?.kind !== "object" || value === false || value === undefined || value === null) {
        mapped[field] = value;
        continue;
      }
      const own = isObject(value) ? value : {};
      const rewritten = rewrite(relation.type, mapNestedReads(dataModel, relation.type, own, rewrite, countAll), {
        model,
        field,
        counting: false,
      });
      mapped[field] = value === true && Object.keys(rewritten).length === 0 ? true : rewritten;
    }
    return mapped;
  };
  const mapCount = (count: unknown) => {
    if (count === true) countAll?.(model);
    if (!isObject(count) || !isObject(count.select)) return count;
    const select: Args = {};
    for (const [field, value] of Object.entries(count.select)) {
      const relation = fields[field];
      if (relation?.kind !== "object" || !value) {
        select[field] = value;
        continue;
      }
      const rewritten = rewrite(relation.type, isObject(value) ? value : {}, { model, field, counting: true });
      select[field] = value === true && Object.keys(rewritten).length === 0 ? true : rewritten;
    }
    return { ...count, select };
  };
  const result = { ...args };
  if ("include" in args) result.include = mapSelection(args.include);
  if ("select" in args) result.select = mapSelection(args.select);
  return result;
};
