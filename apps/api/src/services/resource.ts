import type { z } from "zod";

import type { Db, DbExecutor } from "@cto/db/client";
import { rawCreate } from "@cto/db/raw-create";
import { rawFindMany } from "@cto/db/raw-find";

import { ApiError } from "../errors.ts";
import { readPage } from "../lib/pagination.ts";
import type { TDeps } from "./deps.ts";
import { findOwned } from "./rows.ts";

export type TRow = Record<string, unknown> & { id: string };
const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
type TWhere = Record<string, unknown>;
type TInput = Record<string, unknown>;

/** What a write did to a row: the hooks below react to it (schedule a reminder, embed the text…). */
export type TWriteEvent = "create" | "update" | "trash" | "restore" | "delete";
/**
 * The writes take the client or a transaction (`db.$transaction(async (tx) => …)`): a caller that must
 * commit a row together with other rows (the chat's record, with its audit entries) passes its `tx`,
 * so the row still has one write path and its hooks' database work joins the same transaction.
 */
export type TWriteDeps = Omit<TDeps, "db"> & { db: DbExecutor };
export type TWrite = TWriteDeps & { userId: string; event: TWriteEvent; row: TRow };
export type TAfterWrite = (write: TWrite) => Promise<void>;
/** Checks a create or update against the row as stored (null on create) before anything is written; throws ApiError to refuse. */
export type TBeforeWrite = (args: { input: TInput; stored: TRow | null }) => void;

/** The slice of a Prisma model delegate a resource uses; each model's delegate fits it. */
export type ModelDelegate = {
  /**
   * The model's name, which Prisma's delegates carry; a wrapper of a delegate passes it on, or its list's
   * first page loses the raw path (`list`).
   */
  $name?: string;
  findMany: (args: object) => Promise<TRow[]>;
  findFirst: (args: object) => Promise<TRow | null>;
  create: (args: object) => Promise<TRow>;
  update: (args: object) => Promise<TRow>;
  delete: (args: object) => Promise<TRow>;
};

export type TResourceSpec<Q extends z.ZodObject, C extends z.ZodObject, U extends z.ZodObject> = {
  /** Plural noun for messages and OpenAPI, e.g. "goals". */
  name: string;
  model: (db: DbExecutor) => unknown;
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
  references?: Record<string, (db: DbExecutor) => unknown>;
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
  const delegate = (db: DbExecutor) => spec.model(db) as ModelDelegate;
  const liveOnly = spec.softDelete ? { deletedAt: null } : {};
  // Naming deletedAt (undefined: any value) keeps the client's soft-delete guard out, so a row in the
  // trash can be deleted for good.
  const liveOrTrashed = spec.softDelete ? { deletedAt: undefined } : {};
  const toData = spec.toData ?? ((input) => input);
  const lookup = (db: DbExecutor, { userId, id }: TOwned, where: TWhere = liveOnly) =>
    findOwned(delegate(db), { id, userId, noun, owner, where });

  const assertReferences = async (db: DbExecutor, userId: string, input: TInput) => {
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
  // An insert is one statement on @cto/db's raw path when the model is Prisma's own delegate: a wrapper
  // (`guardWrites`) checks or rewrites its writes in its own `create`, which must run.
  const insert = async (db: DbExecutor, data: TInput) => {
    const model = delegate(db);
    const own = model.$name && (db as Record<string, unknown>)[lowerFirst(model.$name)] === model;
    return (own ? await rawCreate<TRow>(db, model.$name!, data) : null) ?? model.create({ data });
  };
  const afterWrite = async (deps: TWriteDeps, userId: string, event: TWriteEvent, row: TRow) => {
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
      const orderBy = [...spec.sorts[sort]!, { id: "desc" }];
      const model = delegate(db);
      return readPage(
        { limit, cursor },
        {
          listed: (id) => model.findFirst({ where: { ...scope, id }, select: { id: true } }),
          // The first page, the one every list screen reads, is one statement on @cto/db's raw path (Prisma's
          // own work costs several times the query's; docs/benchmarks.md), unless the filters or the model
          // are beyond it (null). Later pages stay on Prisma: a cursor starts after the cursor row's place
          // in a sort that mixes directions and null placements (pinned first, then newest; due dates with
          // nulls last), which Prisma's cursor already computes and a copy here would have to match.
          read: async (window) => {
            const raw =
              window.cursor || !model.$name
                ? null
                : await rawFindMany<TRow>(db, model.$name, { where, orderBy, take: window.take });
            return raw ?? model.findMany({ where, orderBy, ...window });
          },
        },
      );
    },
    get: ({ db, ...owned }: { db: Db } & TOwned) => lookup(db, owned),
    /** The checks `create` makes before it writes, for a caller that plans a create to run later (the chat's tools). */
    checkCreate: (input: z.output<C>) => {
      for (const check of spec.beforeWrite ?? []) check({ input, stored: null });
    },
    /** `id`: the row's id when the caller chose it before the write (a planned create already told the model). */
    create: async ({
      userId,
      input,
      id,
      ...deps
    }: TWriteDeps & { userId: string; input: z.output<C>; id?: string }) => {
      for (const check of spec.beforeWrite ?? []) check({ input, stored: null });
      await assertReferences(deps.db, userId, input);
      const data = { ...toData(input, "create"), ...(id ? { id } : {}), [owner]: userId };
      return afterWrite(deps, userId, "create", await insert(deps.db, data));
    },
    update: async ({ userId, id, input, ...deps }: TWriteDeps & TOwned & { input: z.output<U> }) => {
      const stored = await lookup(deps.db, { userId, id });
      for (const check of spec.beforeWrite ?? []) check({ input, stored });
      await assertReferences(deps.db, userId, input);
      const row = await delegate(deps.db).update({ where: { id }, data: toData(input, "update") });
      return afterWrite(deps, userId, "update", row);
    },
    /** Deletes the row, or (soft-deleting resources, unless `permanent`) moves it to the trash. */
    remove: async ({ userId, id, permanent, ...deps }: TWriteDeps & TOwned & { permanent: boolean }) => {
      const forGood = !spec.softDelete || permanent;
      await lookup(deps.db, { userId, id }, forGood ? liveOrTrashed : liveOnly);
      if (forGood) return afterWrite(deps, userId, "delete", await delegate(deps.db).delete({ where: { id } }));
      const trashed = await delegate(deps.db).update({ where: { id }, data: { deletedAt: new Date() } });
      return afterWrite(deps, userId, "trash", trashed);
    },
    restore: async ({ userId, id, ...deps }: TWriteDeps & TOwned) => {
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

/**
 * What the routes call: the writes on the request's own client. A resource whose writes need the
 * client itself (a conversation checks its model through the shared cache) fits here without taking
 * a transaction; the writes of `TResourceService` take either.
 */
export type TRouteService<
  Q extends z.ZodObject = z.ZodObject,
  C extends z.ZodObject = z.ZodObject,
  U extends z.ZodObject = z.ZodObject,
> = Omit<TResourceService<Q, C, U>, "create" | "update" | "remove" | "restore"> & {
  // Methods: a wrapper typed by the plain client (`TDeps`) fits.
  create(args: TDeps & { userId: string; input: z.output<C> }): Promise<TRow>;
  update(args: TDeps & TOwned & { input: z.output<U> }): Promise<TRow>;
  remove(args: TDeps & TOwned & { permanent: boolean }): Promise<TRow>;
  restore(args: TDeps & TOwned): Promise<TRow>;
};
