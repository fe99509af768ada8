import { createRoute, z } from "@hono/zod-openapi";

import { ZAgentAssumptionSchema, ZAuditLogFiltersSchema, ZAuditLogSchema, ZAuditLogWithAssumptionsSchema, ZVerifyAssumptionSchema } from "@cto/contracts/api/assistant";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";
import { toApiRow } from "@cto/contracts/rows";
import { AgentAssumption, AuditLog } from "@cto/contracts/tables";

import { ApiError } from "../../errors.ts";
import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { readPage } from "../../lib/pagination.ts";
import { requireAuth } from "../../middleware/auth.ts";

/**
 * The agent's audit log, read-only: the database refuses changes to it. Only an assumption's
 * verification (verified, verifiedAt, verifiedBy, correction) may be set afterwards.
 */

const common = { tags: ["Audit log"], security: SECURITY, middleware: requireAuth };
const ZListQuerySchema = ZPageQuerySchema.extend(ZAuditLogFiltersSchema.shape);
const ZAssumptionParamsSchema = ZIdParamsSchema.extend({ auditLogId: z.uuid().openapi({ param: { name: "auditLogId", in: "path" } }) });
const serializeLog = (row: Record<string, unknown>) => toApiRow(AuditLog, row, ["userId"]);
const serializeAssumption = (row: Record<string, unknown>) => toApiRow(AgentAssumption, row);

export const auditLogRoutes = createRouter()
  .openapi(
    createRoute({ ...common, method: "get", path: "/", summary: "List your audit log, newest first", request: { query: ZListQuerySchema }, responses: { 200: jsonContent(zPage(ZAuditLogSchema), "A page of audit log entries"), ...errorResponses() } }),
    async (c) => {
      const { limit, cursor, actionType, actionCategory, sessionId } = c.req.valid("query");
      const db = c.get("db");
      const scope = { userId: c.get("auth").userId };
      const page = await readPage({ limit, cursor }, {
        listed: (id) => db.auditLog.findFirst({ where: { ...scope, id }, select: { id: true } }),
        read: (window) => db.auditLog.findMany({ where: { actionType, actionCategory, sessionId, ...scope }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...window }),
      });
      return c.json({ items: page.items.map(serializeLog), nextCursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({ ...common, method: "get", path: "/{id}", summary: "Get an audit log entry with the assumptions the agent made", request: { params: ZIdParamsSchema }, responses: { 200: jsonContent(ZAuditLogWithAssumptionsSchema, "Found"), ...errorResponses(404) } }),
    async (c) => {
      const log = await c.get("db").auditLog.findFirst({
        where: { id: c.req.valid("param").id, userId: c.get("auth").userId },
        include: { assumptions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
      });
      if (!log) throw new ApiError("not_found", "No such audit log entry.");
      return c.json({ ...serializeLog(log), assumptions: log.assumptions.map(serializeAssumption) }, 200);
    },
  )
  .openapi(
    createRoute({
      ...common, method: "post", path: "/{auditLogId}/assumptions/{id}/verify", summary: "Confirm or correct an assumption the agent made (verifiedBy user)",
      request: { params: ZAssumptionParamsSchema, body: { required: true, content: { "application/json": { schema: ZVerifyAssumptionSchema } } } },
      responses: { 200: jsonContent(ZAgentAssumptionSchema, "Verified"), ...errorResponses(404, 415) },
    }),
    async (c) => {
      const db = c.get("db");
      const { auditLogId, id } = c.req.valid("param");
      const { verified, correction } = c.req.valid("json");
      const assumption = await db.agentAssumption.findFirst({ where: { id, auditLogId, auditLog: { userId: c.get("auth").userId } }, select: { id: true } });
      if (!assumption) throw new ApiError("not_found", "No such assumption.");
      // A later verdict replaces an earlier one: the user may change their mind.
      const updated = await db.agentAssumption.update({ where: { id }, data: { verified, verifiedAt: new Date(), verifiedBy: "user", correction: correction ?? null } });
      return c.json(serializeAssumption(updated), 200);
    },
  );
