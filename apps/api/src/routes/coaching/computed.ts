import { createRoute, z } from "@hono/zod-openapi";
import type { Table } from "drizzle-orm";

import type { Db } from "@cto/db/client";
import { ZConsistencyMetricFiltersSchema, ZConsistencyMetricSchema, ZReportFiltersSchema, ZReportSchema } from "@cto/contracts/api/coaching";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";
import { toApiRow } from "@cto/contracts/rows";
import { ConsistencyMetric, Report } from "@cto/contracts/tables";

import { ApiError } from "../../errors.ts";
import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import type { ModelDelegate } from "../../lib/resource.ts";
import { requireAuth } from "../../middleware/auth.ts";

type ReadOnlySpec<Q extends z.ZodObject> = {
  name: string;
  tag: string;
  model: (db: Db) => unknown;
  table: Table;
  row: z.ZodObject;
  filters: Q;
  where: (filters: z.output<Q>) => Record<string, unknown>;
  orderBy: Record<string, unknown>[];
};

/**
 * List and get for rows the worker computes (consistency metrics, reports): users read them, only the
 * worker writes them, so the full resource factory (which adds create, update and delete) does not fit.
 */
const readOnlyRoutes = <Q extends z.ZodObject>(spec: ReadOnlySpec<Q>) => {
  const common = { tags: [spec.tag], security: SECURITY, middleware: requireAuth };
  const delegate = (db: Db) => spec.model(db) as ModelDelegate;
  const serialize = (row: Record<string, unknown>) => toApiRow(spec.table, row, ["userId"]);
  const ZListQuerySchema: z.ZodObject = ZPageQuerySchema.extend(spec.filters.shape);
  return createRouter()
    .openapi(
      createRoute({ ...common, method: "get", path: "/", summary: `List your ${spec.name}, newest period first`, request: { query: ZListQuerySchema }, responses: { 200: jsonContent(zPage(spec.row), `A page of ${spec.name}`), ...errorResponses() } }),
      async (c) => {
        const { limit, cursor, ...filters } = c.req.valid("query") as { limit: number; cursor?: string };
        if (cursor && !z.uuid().safeParse(cursor).success) throw new ApiError("validation_failed", "The cursor is not valid.", [{ path: "cursor", message: "not a cursor from this API" }]);
        const rows = await delegate(c.get("db")).findMany({
          where: { userId: c.get("auth").userId, ...spec.where(filters as z.output<Q>) },
          orderBy: [...spec.orderBy, { id: "desc" }],
          take: limit + 1,
          ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        });
        const page = rows.slice(0, limit);
        return c.json({ items: page.map(serialize), nextCursor: rows.length > limit ? page.at(-1)!.id : null }, 200);
      },
    )
    .openapi(
      createRoute({ ...common, method: "get", path: "/{id}", summary: `Get one of your ${spec.name}`, request: { params: ZIdParamsSchema }, responses: { 200: jsonContent(spec.row, "Found"), ...errorResponses(404) } }),
      async (c) => {
        const row = await delegate(c.get("db")).findFirst({ where: { id: c.req.valid("param").id, userId: c.get("auth").userId } });
        if (!row) throw new ApiError("not_found", `No such ${spec.name.replace(/s$/, "")}.`);
        return c.json(serialize(row), 200);
      },
    );
};

export const consistencyMetricRoutes = readOnlyRoutes({
  name: "consistency metrics",
  tag: "Wellbeing",
  model: (db) => db.consistencyMetric,
  table: ConsistencyMetric,
  row: ZConsistencyMetricSchema,
  filters: ZConsistencyMetricFiltersSchema,
  where: ({ windowDays }) => ({ windowDays }),
  orderBy: [{ periodEnd: "desc" }],
});

export const reportRoutes = readOnlyRoutes({
  name: "reports",
  tag: "Reports",
  model: (db) => db.report,
  table: Report,
  row: ZReportSchema,
  filters: ZReportFiltersSchema,
  where: ({ type }) => ({ type }),
  orderBy: [{ periodEnd: "desc" }],
});
