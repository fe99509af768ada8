import type { ModelDelegate } from "./resource.ts";

type Data = Record<string, unknown>;
export type WriteChecks = {
  /** Runs before an insert with the data the service built (owner column included). */
  create?: (data: Data) => Promise<void>;
  /** Runs before every update of row `id` (changes, soft delete and restore alike). */
  update?: (id: string, data: Data) => Promise<void>;
};

/**
 * A model delegate for `resourceService` whose writes pass a check first. The service writes only
 * after its own ownership and reference checks, so a check here can assume the row and every
 * referenced id are the caller's, and its 400/404 comes after the service's own 404.
 */
export const guardWrites = (delegate: ModelDelegate, checks: WriteChecks): ModelDelegate => ({
  $name: delegate.$name,
  findMany: (args) => delegate.findMany(args),
  findFirst: (args) => delegate.findFirst(args),
  delete: (args) => delegate.delete(args),
  create: async (args) => {
    await checks.create?.((args as { data: Data }).data);
    return delegate.create(args);
  },
  update: async (args) => {
    const { where, data } = args as { where: { id: string }; data: Data };
    await checks.update?.(where.id, data);
    return delegate.update(args);
  },
});
