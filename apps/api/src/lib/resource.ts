import { createRoute, z } from "@hono/zod-openapi";
import type { Table } from "drizzle-orm";

import type { Context } from "hono";

import type { Db } from "@cto/db/client";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";
import { apiRowSchema, toApiRow } from "@cto/contracts/rows";

import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import type { TWrite, TWriteEvent } from "../services/resource.ts";
import { requireAuth } from "../middleware/auth.ts";
import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "./openapi.ts";
import { readPage } from "./pagination.ts";

type Row = Record<string, unknown> & { id: string };
export type { TWriteEvent } from "../services/resource.ts";
// Hooks get the service layer's write (db, queues, logger…) and the request: the services' own hooks fit.
export type TAfterWrite = (args: TWrite & { c: Context<AppEnv> }) => Promise<void>;
/** Checks a create or update against the row as stored (null on create) before anything is written; throws ApiError to refuse. */
export type TBeforeWrite = (args: { input: Record<string, unknown>; stored: Row | null }) => void;
type Where = Record<string, unknown>;
/** The slice of a Prisma model delegate the resource routes use; each model's delegate fits it. */
export type ModelDelegate = {
  findMany: (args: object) => Promise<Row[]>;
  findFirst: (args: object) => Promise<Row | null>;
  create: (args: object) => Promise<Row>;
  update: (args: object) => Promise<Row>;
  delete: (args: object) => Promise<Row>;
};

export type ResourceSpec<Q extends z.ZodObject, C extends z.ZodObject, U extends z.ZodObject> = {
  /** Plural noun for messages and OpenAPI, e.g. "goals". */
  name: string;
  tag: string;
  model: (db: Db) => unknown;
  table: Table;
  /** The column that ties a row to its user. */
  owner?: "userId" | "authorId";
  /** Columns never shown (the owner column always is hidden). */
  hidden?: string[];
  /** Request schemas of create and update; a read-only resource (rows the worker writes) has neither. */
  create?: C;
  update?: U;
  readOnly?: boolean;
  /** Filters of the list endpoint (page query is added), and how they become a Prisma `where`. */
  filters: Q;
  where?: (filters: z.output<Q>) => Where;
  /** Named sort orders for `?sort=`; the first is the default. `id` is always added as a tie-break. */
  sorts: Record<string, Where[]>;
  /** Soft delete with trash and restore (the model has `deletedAt`). */
  softDelete?: boolean;
  /** Foreign keys in bodies that must point at the caller's own rows: field → model. */
  references?: Record<string, (db: Db) => unknown>;
  /** Turns validated create/update input into Prisma data (defaults: as is). */
  toData?: (input: Record<string, unknown>, mode: "create" | "update") => Record<string, unknown>;
  /**
   * Run after each successful write, in order, with the row as written (for "delete", as it was).
   * Side effects that live outside the row (queue jobs, embeddings) hang here, so every writer of
   * the resource triggers them and no route forgets one.
   */
  afterWrite?: TAfterWrite[];
  /** Rules that need the stored row (a new remind time must not be in the past, an unchanged one may be). */
  beforeWrite?: TBeforeWrite[];
};

/**
 * The five routes of a user-owned resource (list with cursor pagination, filters and sort; get; create;
 * update; delete, soft with trash and restore where the model has it), every read and write scoped to
 * the signed-in user: another user's id answers 404, exactly like a missing one.
 */
export const resourceRoutes = <Q extends z.ZodObject, C extends z.ZodObject, U extends z.ZodObject>(spec: ResourceSpec<Q, C, U>) => {
  const owner = spec.owner ?? "userId";
  const hidden = [owner, ...(spec.hidden ?? [])];
  const ZRowSchema = apiRowSchema(spec.table, { omit: hidden });
  const sortKeys = Object.keys(spec.sorts) as [string, ...string[]];
  const ZListQuerySchema = ZPageQuerySchema.extend({
    sort: z.enum(sortKeys).default(sortKeys[0]),
    ...(spec.softDelete ? { trash: z.enum(["true", "false"]).default("false").describe("true lists the trash (soft-deleted rows)") } : {}),
  }).extend(spec.filters.shape);
  const delegate = (db: Db) => spec.model(db) as ModelDelegate;
  const serialize = (row: Row) => toApiRow(spec.table, row, hidden);
  const notFound = () => new ApiError("not_found", `No such ${spec.name.replace(/s$/, "")}.`);
  const common = { tags: [spec.tag], security: SECURITY, middleware: requireAuth };
  // Widened on purpose: the routes treat every resource's input the same way.
  const ZCreateSchema: z.ZodObject = spec.create ?? z.object({});
  const ZUpdateSchema: z.ZodObject = spec.update ?? z.object({});
  const liveOnly = spec.softDelete ? { deletedAt: null } : {};
  // Naming deletedAt (undefined: any value) keeps the client's soft-delete guard out, so a row in the trash can be deleted for good.
  const liveOrTrashed = spec.softDelete ? { deletedAt: undefined } : {};

  const assertReferences = async (db: Db, userId: string, input: Record<string, unknown>) => {
    for (const [field, model] of Object.entries(spec.references ?? {})) {
      const id = input[field];
      if (typeof id !== "string") continue;
      const found = await (model(db) as ModelDelegate).findFirst({ where: { id, userId }, select: { id: true } });
      if (!found) throw new ApiError("not_found", `${field} does not point at one of your records.`, [{ path: field, message: "not found" }]);
    }
  };
  const findOwned = async (db: Db, userId: string, id: string, where: Where = liveOnly) => {
    const row = await delegate(db).findFirst({ where: { id, [owner]: userId, ...where } });
    if (!row) throw notFound();
    return row;
  };
  const toData = spec.toData ?? ((input) => input);
  const afterWrite = async (c: Context<AppEnv>, event: TWriteEvent, row: Row) => {
    for (const hook of spec.afterWrite ?? []) await hook({ c, db: c.get("db"), queues: c.get("queues"), logger: c.get("logger"), userId: c.get("auth").userId, event, row });
  };

  const router = createRouter()
    .openapi(
      createRoute({ ...common, method: "get", path: "/", summary: `List your ${spec.name}`, request: { query: ZListQuerySchema }, responses: { 200: jsonContent(zPage(ZRowSchema), `A page of ${spec.name}`), ...errorResponses() } }),
      async (c) => {
        const query = c.req.valid("query") as Record<string, unknown> & { limit: number; cursor?: string; sort: string; trash?: string };
        const { limit, cursor, sort, trash, ...filters } = query;
        const db = c.get("db");
        // The list's scope (whose rows, which side of the trash); the filters only narrow it.
        const scope = { [owner]: c.get("auth").userId, ...(spec.softDelete ? { deletedAt: trash === "true" ? { not: null } : null } : {}) };
        const page = await readPage({ limit, cursor }, {
          listed: (id) => delegate(db).findFirst({ where: { ...scope, id }, select: { id: true } }),
          read: (window) => delegate(db).findMany({ where: { ...(spec.where?.(filters as z.output<Q>) ?? {}), ...scope }, orderBy: [...spec.sorts[sort]!, { id: "desc" }], ...window }),
        });
        return c.json({ items: page.items.map(serialize), nextCursor: page.nextCursor }, 200);
      },
    )
    .openapi(
      createRoute({ ...common, method: "get", path: "/{id}", summary: `Get one of your ${spec.name}`, request: { params: ZIdParamsSchema }, responses: { 200: jsonContent(ZRowSchema, "Found"), ...errorResponses(404) } }),
      async (c) => c.json(serialize(await findOwned(c.get("db"), c.get("auth").userId, c.req.valid("param").id)), 200),
    );
  if (spec.readOnly) return router;

  router
    .openapi(
      createRoute({ ...common, method: "post", path: "/", summary: `Create one of your ${spec.name}`, request: { body: { required: true, content: { "application/json": { schema: ZCreateSchema } } } }, responses: { 201: jsonContent(ZRowSchema, "Created"), ...errorResponses(403, 404, 409, 415) } }),
      async (c) => {
        const db = c.get("db");
        const userId = c.get("auth").userId;
        const input = c.req.valid("json") as Record<string, unknown>;
        for (const check of spec.beforeWrite ?? []) check({ input, stored: null });
        await assertReferences(db, userId, input);
        const row = await delegate(db).create({ data: { ...toData(input, "create"), [owner]: userId } });
        await afterWrite(c, "create", row);
        return c.json(serialize(row), 201);
      },
    )
    .openapi(
      createRoute({ ...common, method: "patch", path: "/{id}", summary: `Change one of your ${spec.name}`, request: { params: ZIdParamsSchema, body: { required: true, content: { "application/json": { schema: ZUpdateSchema } } } }, responses: { 200: jsonContent(ZRowSchema, "Changed"), ...errorResponses(403, 404, 409, 415) } }),
      async (c) => {
        const db = c.get("db");
        const userId = c.get("auth").userId;
        const { id } = c.req.valid("param");
        const input = c.req.valid("json") as Record<string, unknown>;
        const stored = await findOwned(db, userId, id);
        for (const check of spec.beforeWrite ?? []) check({ input, stored });
        await assertReferences(db, userId, input);
        const row = await delegate(db).update({ where: { id }, data: toData(input, "update") });
        await afterWrite(c, "update", row);
        return c.json(serialize(row), 200);
      },
    )
    .openapi(
      createRoute({
        ...common, method: "delete", path: "/{id}", summary: spec.softDelete ? `Move one of your ${spec.name} to the trash (permanent=true deletes it)` : `Delete one of your ${spec.name}`,
        request: { params: ZIdParamsSchema, query: z.object({ permanent: z.enum(["true", "false"]).default("false") }) },
        responses: { 204: { description: "Deleted" }, ...errorResponses(403, 404) },
      }),
      async (c) => {
        const db = c.get("db");
        const { id } = c.req.valid("param");
        const permanent = !spec.softDelete || c.req.valid("query").permanent === "true";
        await findOwned(db, c.get("auth").userId, id, permanent ? liveOrTrashed : liveOnly);
        if (permanent) await afterWrite(c, "delete", await delegate(db).delete({ where: { id } }));
        else await afterWrite(c, "trash", await delegate(db).update({ where: { id }, data: { deletedAt: new Date() } }));
        return c.body(null, 204);
      },
    );

  if (spec.softDelete) {
    router.openapi(
      createRoute({ ...common, method: "post", path: "/{id}/restore", summary: `Restore one of your ${spec.name} from the trash`, request: { params: ZIdParamsSchema }, responses: { 200: jsonContent(ZRowSchema, "Restored"), ...errorResponses(403, 404) } }),
      async (c) => {
        const db = c.get("db");
        const { id } = c.req.valid("param");
        await findOwned(db, c.get("auth").userId, id, { deletedAt: { not: null } });
        const row = await delegate(db).update({ where: { id }, data: { deletedAt: null } });
        await afterWrite(c, "restore", row);
        return c.json(serialize(row), 200);
      },
    );
  }
  return router;
};
