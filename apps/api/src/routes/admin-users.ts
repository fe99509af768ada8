import { createRoute } from "@hono/zod-openapi";

import {
  ZAdminAuditListSchema,
  ZAdminAuditQuerySchema,
  ZAdminUserListQuerySchema,
  ZAdminUserListSchema,
  ZAdminUserSchema,
  ZAdminUserUsageQuerySchema,
  ZAdminUserUsageSchema,
  ZUpdateAdminUserSchema,
} from "@cto/contracts/api/admin";

import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../lib/openapi.ts";
import { requireAdmin, requireAuth } from "../middleware/auth.ts";
import { listAdminAudit } from "../services/admin/audit.ts";
import { listUsers, readUserUsage, updateUser } from "../services/admin/users.ts";

const admin = { tags: ["Administration"], security: SECURITY, middleware: [requireAuth, requireAdmin] };

/**
 * Administrators manage accounts (GET/PATCH /admin/users, GET /admin/users/{id}/usage): who is there, how much
 * AI they use (counts, tokens, cost; never what they wrote), disable, re-enable, change role. Every change is in
 * the admin audit log (GET /admin/audit-log).
 */
export const adminUserRoutes = createRouter()
  .openapi(
    createRoute({
      ...admin,
      method: "get",
      path: "/",
      summary: "Every account, newest first: role, state, when created and last seen, all-time AI usage",
      request: { query: ZAdminUserListQuerySchema },
      responses: { 200: jsonContent(ZAdminUserListSchema, "One page of accounts"), ...errorResponses(403) },
    }),
    async (c) => c.json(await listUsers({ db: c.get("db"), ...c.req.valid("query") }), 200),
  )
  .openapi(
    createRoute({
      ...admin,
      method: "patch",
      path: "/{id}",
      summary: "Disable or re-enable an account, or change its role (audited; takes effect on its next request)",
      description:
        "A disabled account's sessions and API keys are refused (401) on their next request, on every API instance, and work again once it is re-enabled. You cannot disable or demote yourself (400), and no change may leave no active administrator (409).",
      request: {
        params: ZIdParamsSchema,
        body: { required: true, content: { "application/json": { schema: ZUpdateAdminUserSchema } } },
      },
      responses: {
        200: jsonContent(ZAdminUserSchema, "The account as it is now"),
        ...errorResponses(403, 404, 409, 415),
      },
    }),
    async (c) =>
      c.json(
        await updateUser({
          db: c.get("db"),
          authCache: c.get("authCache"),
          actorId: c.get("auth").userId,
          userId: c.req.valid("param").id,
          input: c.req.valid("json"),
          requestId: c.get("requestId"),
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      ...admin,
      method: "get",
      path: "/{id}/usage",
      summary: "One account's AI usage per UTC day and model: requests, tokens, cost (no content)",
      request: { params: ZIdParamsSchema, query: ZAdminUserUsageQuerySchema },
      responses: { 200: jsonContent(ZAdminUserUsageSchema, "The usage"), ...errorResponses(403, 404) },
    }),
    async (c) =>
      c.json(
        await readUserUsage({
          db: c.get("db").$replica(),
          userId: c.req.valid("param").id,
          days: c.req.valid("query").days,
        }),
        200,
      ),
  );

export const adminAuditRoutes = createRouter().openapi(
  createRoute({
    ...admin,
    method: "get",
    path: "/",
    summary: "Administrators' changes to accounts, newest first: who, to whom, before and after",
    request: { query: ZAdminAuditQuerySchema },
    responses: { 200: jsonContent(ZAdminAuditListSchema, "One page of the admin audit log"), ...errorResponses(403) },
  }),
  async (c) => c.json(await listAdminAudit({ db: c.get("db"), ...c.req.valid("query") }), 200),
);
