import type { z } from "zod";

import type { Db } from "@cto/db/client";

import { ApiError } from "../errors.ts";
import { readPage } from "../lib/pagination.ts";
import type { TDeps } from "./deps.ts";
import { findOwned } from "./rows.ts";

export type TRow = Record<string, unknown> & { id: string };
type TWhere = Record<string, unknown>;
type TInput = Record<string, unknown>;

/** What a write did to a row: the hooks below react to it (schedule a reminder, embed the text…). */
export type TWriteEvent = "create" | "update" | "trash" | "restore" | "delete";
export type TWrite = TDeps & { userId: string; event: TWriteEvent; row: TRow };
export type TAfterWrite = (write: TWrite) => Promise<void>;
/** Checks a create or update against the row as stored (null on create) before anything is written; throws ApiError to refuse. */
export type TBeforeWrite = (args: { input: TInput; stored: TRow | null }) => void;

/** The slice of a Prisma model delegate a resource uses; each model's delegate fits it. */
export type ModelDelegate = {
  findMany: (args: object) => Promise<TRow[]>;
  findFirst: (args: object) => Promise<TRow | null>;
  create: (args: object) => Promise<TRow>;
  update: (args: object) => Promise<TRow>;
  delete: (args: object) => Promise<TRow>;
};

export type TResourceSpec<Q extends z.ZodObject, C extends z.ZodObject, U extends z.ZodObject> = {
  /** Plural noun for messages and OpenAPI, e.g. "goals". */
  name: string;
  model: (db: Db) => unknown;
  /** The column that ties a row to its user. */
  owner?: "userId" | "authorId";
  /** Request schemas of create and update; a read-only resource (rows the worker writes) has neither. */
  create?: C;
  update?: U;
  /** Filters of the list (the page query is added by the route), and how they become a Prisma `where`. */
  filters: Q;
  where?: (filters: z.output<Q>) => TWhere;
  /** Named sort orders for `?sort=`; the first is the default. `id` is always added as a tie-break. */
  sorts: Record<string, TWhere[]>;
  /** Soft delete with trash and restore (the model has `deletedAt`). */
  softDelete?: boolean;
  /** Foreign keys in inputs that must point at the caller's own rows: field → model. */
  references?: Record<string, (db: Db) => unknown>;
  /** Turns validated create/update input into Prisma data (defaults: as is). */
  toData?: (input: TInput, mode: "create" | "update") => TInput;
  /**
   * Run after each successful write, in order, with the row as written (for "delete", as it was).
   * Side effects that live outside the row (queue jobs, embeddings) hang here, so every writer of
   * the resource (its routes, the coach's tools) triggers them and none forgets one.
   */
  afterWrite?: TAfterWrite[];
  /** Rules that need the stored row (a new remind time must not be in the past, an unchanged one may be). */
  beforeWrite?: TBeforeWrite[];
};

export type TListQuery = { limit: number; cursor?: string | undefined; sort: string; trash?: string } & TInput;
type TOwned = { userId: string; id: string };

/**
 * The reads and writes of a user-owned resource: a cursor-paginated list with filters and sort, get,
 * create, update, delete (soft, with trash and restore, where the model has it). Every one is scoped
 * to `userId`: another user's id answers 404, exactly like a missing one. Routes (`resourceRoutes`)
 * and the coach's tools call the same functions, so a row has one write path and one set of side effects.
 */
export const resourceService = <Q extends z.ZodObject, C extends z.ZodObject, U extends z.ZodObject>(
  spec: TResourceSpec<Q, C, U>,
) => {
  const owner = spec.owner ?? "userId";
  const noun = spec.name.replace(/s$/, "");
  const delegate = (db: Db) => spec.model(db) as ModelDelegate;
  const liveOnly = spec.softDelete ? { deletedAt: null } : {};
  // Naming deletedAt (undefined: any value) keeps the client's soft-delete guard out, so a row in the
  // trash can be deleted for good.
  const liveOrTrashed = spec.softDelete ? { deletedAt: undefined } : {};
  const toData = spec.toData ?? ((input) => input);
  const lookup = (db: Db, { userId, id }: TOwned, where: TWhere = liveOnly) =>
    findOwned(delegate(db), { id, userId, noun, owner, where });

  const assertReferences = async (db: Db, userId: string, input: TInput) => {
    for (const [field, model] of Object.entries(spec.references ?? {})) {
      const id = input[field];
      if (typeof id !== "string") continue;
      const found = await (model(db) as ModelDelegate).findFirst({ where: { id, userId }, select: { id: true } });
      if (!found)
        throw new ApiError("not_found", `${field} does not point at one of your records.`, [
          { path: field, message: "not found" },
        ]);
    }
  };
  const afterWrite = async (deps: TDeps, userId: string, event: TWriteEvent, row: TRow) => {
    for (const hook of spec.afterWrite ?? []) await hook({ ...deps, userId, event, row });
    return row;
  };

  return {
    spec,
    list: async ({ db, userId, query }: { db: Db; userId: string; query: TListQuery }) => {
      const { limit, cursor, sort, trash, ...filters } = query;
      // The list's scope (whose rows, which side of the trash); the filters only narrow it.
      const trashSide = spec.softDelete ? { deletedAt: trash === "true" ? { not: null } : null } : {};
      const scope = { [owner]: userId, ...trashSide };
      const where = { ...(spec.where?.(filters as z.output<Q>) ?? {}), ...scope };
      return readPage(
        { limit, cursor },
        {
          listed: (id) => delegate(db).findFirst({ where: { ...scope, id }, select: { id: true } }),
          read: (window) =>
            delegate(db).findMany({ where, orderBy: [...spec.sorts[sort]!, { id: "desc" }], ...window }),
        },
      );
    },
    get: ({ db, ...owned }: { db: Db } & TOwned) => lookup(db, owned),
    create: async ({ userId, input, ...deps }: TDeps & { userId: string; input: z.output<C> }) => {
      for (const check of spec.beforeWrite ?? []) check({ input, stored: null });
      await assertReferences(deps.db, userId, input);
      const row = await delegate(deps.db).create({ data: { ...toData(input, "create"), [owner]: userId } });
      return afterWrite(deps, userId, "create", row);
    },
    update: async ({ userId, id, input, ...deps }: TDeps & TOwned & { input: z.output<U> }) => {
      const stored = await lookup(deps.db, { userId, id });
      for (const check of spec.beforeWrite ?? []) check({ input, stored });
      await assertReferences(deps.db, userId, input);
      const row = await delegate(deps.db).update({ where: { id }, data: toData(input, "update") });
      return afterWrite(deps, userId, "update", row);
    },
    /** Deletes the row, or (soft-deleting resources, unless `permanent`) moves it to the trash. */
    remove: async ({ userId, id, permanent, ...deps }: TDeps & TOwned & { permanent: boolean }) => {
      const forGood = !spec.softDelete || permanent;
      await lookup(deps.db, { userId, id }, forGood ? liveOrTrashed : liveOnly);
      if (forGood) return afterWrite(deps, userId, "delete", await delegate(deps.db).delete({ where: { id } }));
      const trashed = await delegate(deps.db).update({ where: { id }, data: { deletedAt: new Date() } });
      return afterWrite(deps, userId, "trash", trashed);
    },
    restore: async ({ userId, id, ...deps }: TDeps & TOwned) => {
      await lookup(deps.db, { userId, id }, { deletedAt: { not: null } });
      const row = await delegate(deps.db).update({ where: { id }, data: { deletedAt: null } });
      return afterWrite(deps, userId, "restore", row);
    },
  };
};

export type TResourceService<
  Q extends z.ZodObject = z.ZodObject,
  C extends z.ZodObject = z.ZodObject,
  U extends z.ZodObject = z.ZodObject,
> = ReturnType<typeof resourceService<Q, C, U>>;
