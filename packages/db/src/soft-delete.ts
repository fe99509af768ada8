import { Prisma } from "./generated/prisma/client.ts";

/** Models with a `deletedAt` column (003's context entities and 001's analysis sessions). */
export const SOFT_DELETE_MODELS = ["Person", "Place", "Event", "Task", "Deadline", "AnalysisSession"] as const;
export type SoftDeleteModel = (typeof SOFT_DELETE_MODELS)[number];

const softDeletable = new Set<string>(SOFT_DELETE_MODELS);

type ReadArgs = { where?: Record<string, unknown> } | undefined;

/**
 * Normal reads exclude soft-deleted rows. A caller that names `deletedAt` in its `where`
 * (the trash: `{ deletedAt: { not: null } }`) takes control and is left alone.
 */
const excludeDeleted = <A extends ReadArgs>(model: string, args: A): A => {
  if (!softDeletable.has(model)) return args;
  const where = args?.where ?? {};
  if ("deletedAt" in where) return args;
  return { ...args, where: { ...where, deletedAt: null } } as A;
};

export const softDeleteExtension = Prisma.defineExtension({
  name: "cto-soft-delete",
  query: {
    $allModels: {
      findMany: ({ model, args, query }) => query(excludeDeleted(model, args)),
      findFirst: ({ model, args, query }) => query(excludeDeleted(model, args)),
      findFirstOrThrow: ({ model, args, query }) => query(excludeDeleted(model, args)),
      findUnique: ({ model, args, query }) => query(excludeDeleted(model, args)),
      findUniqueOrThrow: ({ model, args, query }) => query(excludeDeleted(model, args)),
      count: ({ model, args, query }) => query(excludeDeleted(model, args)),
      aggregate: ({ model, args, query }) => query(excludeDeleted(model, args)),
      groupBy: ({ model, args, query }) => query(excludeDeleted(model, args)),
    },
  },
});
