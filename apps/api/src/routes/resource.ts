import { createRoute, z } from "@hono/zod-openapi";
import type { Table } from "drizzle-orm";

import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";
import { apiRowSchema, toApiRow } from "@cto/contracts/rows";

import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../lib/openapi.ts";
import { requireAuth } from "../middleware/auth.ts";
import type { TListQuery, TRouteService, TRow } from "../services/resource.ts";
import { depsOf } from "./deps.ts";

export type TResourceRoutes<Q extends z.ZodObject, C extends z.ZodObject, U extends z.ZodObject> = {
  /** The resource's service (`resourceService`): what it stores and how, its rules and side effects. */
  service: TRouteService<Q, C, U>;
  tag: string;
  /** The table whose columns make the answer's schema. */
  table: Table;
  /** Columns never shown (the owner column always is hidden). */
  hidden?: string[];
};

/**
 * The routes of a resource service: list (cursor pagination, filters, sort, the trash), get, and
 * unless it is read-only create, update, delete and restore. Each parses the request, calls the
 * service with the signed-in user's id and shapes the answer; everything else is the service's.
 */
export const resourceRoutes = <Q extends z.ZodObject, C extends z.ZodObject, U extends z.ZodObject>({
  service,
  tag,
  table,
  hidden: extraHidden = [],
}: TResourceRoutes<Q, C, U>) => {
  const { spec } = service;
  const hidden = [spec.owner ?? "userId", ...extraHidden];
  const ZRowSchema = apiRowSchema(table, { omit: hidden });
  const sortKeys = Object.keys(spec.sorts) as [string, ...string[]];
  const trash = z.enum(["true", "false"]).default("false").describe("true lists the trash (soft-deleted rows)");
  const ZListQuerySchema = ZPageQuerySchema.extend({
    sort: z.enum(sortKeys).default(sortKeys[0]),
    ...(spec.softDelete ? { trash } : {}),
  }).extend(spec.filters.shape);
  const serialize = (row: TRow) => toApiRow(table, row, hidden);
  const common = { tags: [tag], security: SECURITY, middleware: requireAuth };
  const body = (schema: z.ZodObject) => ({ required: true, content: { "application/json": { schema } } });
  const { name } = spec;

  const router = createRouter()
    .openapi(
      createRoute({
        ...common,
        method: "get",
        path: "/",
        summary: `List your ${name}`,
        request: { query: ZListQuerySchema },
        responses: { 200: jsonContent(zPage(ZRowSchema), `A page of ${name}`), ...errorResponses() },
      }),
      async (c) => {
        const query = c.req.valid("query") as TListQuery;
        const page = await service.list({ db: c.get("db").$replica(), userId: c.get("auth").userId, query });
        return c.json({ items: page.items.map(serialize), nextCursor: page.nextCursor }, 200);
      },
    )
    .openapi(
      createRoute({
        ...common,
        method: "get",
        path: "/{id}",
        summary: `Get one of your ${name}`,
        request: { params: ZIdParamsSchema },
        responses: { 200: jsonContent(ZRowSchema, "Found"), ...errorResponses(404) },
      }),
      async (c) => {
        const row = await service.get({ db: c.get("db"), userId: c.get("auth").userId, id: c.req.valid("param").id });
        return c.json(serialize(row), 200);
      },
    );
  if (!spec.create || !spec.update) return router;

  router
    .openapi(
      createRoute({
        ...common,
        method: "post",
        path: "/",
        summary: `Create one of your ${name}`,
        request: { body: body(spec.create) },
        responses: { 201: jsonContent(ZRowSchema, "Created"), ...errorResponses(403, 404, 409, 415) },
      }),
      async (c) => {
        const input = c.req.valid("json") as z.output<C>;
        const row = await service.create({ ...depsOf(c), userId: c.get("auth").userId, input });
        return c.json(serialize(row), 201);
      },
    )
    .openapi(
      createRoute({
        ...common,
        method: "patch",
        path: "/{id}",
        summary: `Change one of your ${name}`,
        request: { params: ZIdParamsSchema, body: body(spec.update) },
        responses: { 200: jsonContent(ZRowSchema, "Changed"), ...errorResponses(403, 404, 409, 415) },
      }),
      async (c) => {
        const input = c.req.valid("json") as z.output<U>;
        const { id } = c.req.valid("param");
        const row = await service.update({ ...depsOf(c), userId: c.get("auth").userId, id, input });
        return c.json(serialize(row), 200);
      },
    )
    .openapi(
      createRoute({
        ...common,
        method: "delete",
        path: "/{id}",
        summary: spec.softDelete
          ? `Move one of your ${name} to the trash (permanent=true deletes it)`
          : `Delete one of your ${name}`,
        request: {
          params: ZIdParamsSchema,
          query: z.object({ permanent: z.enum(["true", "false"]).default("false") }),
        },
        responses: { 204: { description: "Deleted" }, ...errorResponses(403, 404) },
      }),
      async (c) => {
        const permanent = c.req.valid("query").permanent === "true";
        await service.remove({ ...depsOf(c), userId: c.get("auth").userId, id: c.req.valid("param").id, permanent });
        return c.body(null, 204);
      },
    );

  if (spec.softDelete) {
    router.openapi(
      createRoute({
        ...common,
        method: "post",
        path: "/{id}/restore",
        summary: `Restore one of your ${name} from the trash`,
        request: { params: ZIdParamsSchema },
        responses: { 200: jsonContent(ZRowSchema, "Restored"), ...errorResponses(403, 404) },
      }),
      async (c) => {
        const row = await service.restore({ ...depsOf(c), userId: c.get("auth").userId, id: c.req.valid("param").id });
        return c.json(serialize(row), 200);
      },
    );
  }
  return router;
};
