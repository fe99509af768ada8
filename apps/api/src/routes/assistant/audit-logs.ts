import { createRoute, z } from "@hono/zod-openapi";

import {
  ZAgentAssumptionSchema,
  ZAuditLogFiltersSchema,
  ZAuditLogSchema,
  ZAuditLogWithAssumptionsSchema,
  ZVerifyAssumptionSchema,
} from "@cto/contracts/api/assistant";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";
import { toApiRow } from "@cto/contracts/rows";
import { AgentAssumption, AuditLog } from "@cto/contracts/tables";

import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { getAuditLog, listAuditLogs, verifyAssumption } from "../../services/assistant/audit-logs.ts";

/** The agent's audit log (read-only) and the user's verdicts on its assumptions: see services/assistant/audit-logs.ts. */

const common = { tags: ["Audit log"], security: SECURITY, middleware: requireAuth };
const ZListQuerySchema = ZPageQuerySchema.extend(ZAuditLogFiltersSchema.shape);
const ZAssumptionParamsSchema = ZIdParamsSchema.extend({
  auditLogId: z.uuid().openapi({ param: { name: "auditLogId", in: "path" } }),
});
const serializeLog = (row: Record<string, unknown>) => toApiRow(AuditLog, row, ["userId"]);
const serializeAssumption = (row: Record<string, unknown>) => toApiRow(AgentAssumption, row);

export const auditLogRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/",
      summary: "List your audit log, newest first",
      request: { query: ZListQuerySchema },
      responses: { 200: jsonContent(zPage(ZAuditLogSchema), "A page of audit log entries"), ...errorResponses() },
    }),
    async (c) => {
      const page = await listAuditLogs({ db: c.get("db"), userId: c.get("auth").userId, query: c.req.valid("query") });
      return c.json({ items: page.items.map(serializeLog), nextCursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/{id}",
      summary: "Get an audit log entry with the assumptions the agent made",
      request: { params: ZIdParamsSchema },
      responses: { 200: jsonContent(ZAuditLogWithAssumptionsSchema, "Found"), ...errorResponses(404) },
    }),
    async (c) => {
      const log = await getAuditLog({ db: c.get("db"), userId: c.get("auth").userId, id: c.req.valid("param").id });
      return c.json({ ...serializeLog(log), assumptions: log.assumptions.map(serializeAssumption) }, 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/{auditLogId}/assumptions/{id}/verify",
      summary: "Confirm or correct an assumption the agent made (verifiedBy user)",
      request: {
        params: ZAssumptionParamsSchema,
        body: { required: true, content: { "application/json": { schema: ZVerifyAssumptionSchema } } },
      },
      responses: { 200: jsonContent(ZAgentAssumptionSchema, "Verified"), ...errorResponses(404, 415) },
    }),
    async (c) => {
      const updated = await verifyAssumption({
        db: c.get("db"),
        userId: c.get("auth").userId,
        ...c.req.valid("param"),
        ...c.req.valid("json"),
      });
      return c.json(serializeAssumption(updated), 200);
    },
  );
