import { createRoute, z } from "@hono/zod-openapi";

import {
  ZAssumptionFiltersSchema,
  ZAssumptionWithActionSchema,
  ZReplyExplanationSchema,
} from "@cto/contracts/api/memory";
import { ZInsightSchema } from "@cto/contracts/api/coaching";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";
import { toApiRow } from "@cto/contracts/rows";
import { AgentAssumption, AuditLog, Insight } from "@cto/contracts/tables";

import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { insightService } from "../../services/coaching/journal.ts";
import { listAssumptions } from "../../services/memory/assumptions.ts";
import { explainReply } from "../../services/memory/explanations.ts";
import { depsOf } from "../deps.ts";

/** The Memory page's routes beside the insights resource: confirm an insight, the coach's assumptions, and why it replied as it did. */

const common = { security: SECURITY, middleware: requireAuth };
const ZMessageParamsSchema = ZIdParamsSchema.extend({
  messageId: z.uuid().openapi({ param: { name: "messageId", in: "path" } }),
});
const serializeAssumption = ({ auditLog, ...row }: Record<string, unknown> & { auditLog: { createdAt: Date } }) => ({
  ...toApiRow(AgentAssumption, row),
  action: { ...auditLog, createdAt: auditLog.createdAt.getTime() },
});

export const insightReviewRoutes = createRouter().openapi(
  createRoute({
    ...common,
    tags: ["Insights"],
    method: "post",
    path: "/{id}/confirm",
    summary: "Confirm one of your insights: it is right as it stands (sets confirmedAt)",
    request: { params: ZIdParamsSchema },
    responses: { 200: jsonContent(ZInsightSchema, "Confirmed"), ...errorResponses(403, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const row = await insightService.update({ ...depsOf(c), userId: c.get("auth").userId, id, input: {} });
    return c.json(toApiRow(Insight, row, ["userId"]), 200);
  },
);

export const assumptionRoutes = createRouter().openapi(
  createRoute({
    ...common,
    tags: ["Audit log"],
    method: "get",
    path: "/",
    summary: "List the assumptions the coach made about you, newest first, each with its action",
    request: { query: ZPageQuerySchema.extend(ZAssumptionFiltersSchema.shape) },
    responses: { 200: jsonContent(zPage(ZAssumptionWithActionSchema), "A page of assumptions"), ...errorResponses() },
  }),
  async (c) => {
    const page = await listAssumptions({ db: c.get("db"), userId: c.get("auth").userId, query: c.req.valid("query") });
    return c.json({ items: page.items.map(serializeAssumption), nextCursor: page.nextCursor }, 200);
  },
);

export const explanationRoutes = createRouter().openapi(
  createRoute({
    ...common,
    tags: ["Chat"],
    method: "get",
    path: "/{id}/messages/{messageId}/explanation",
    summary: "Why did the coach do that? A reply's audit entry, its assumptions and its tool calls",
    request: { params: ZMessageParamsSchema },
    responses: { 200: jsonContent(ZReplyExplanationSchema, "The reply's explanation"), ...errorResponses(404) },
  }),
  async (c) => {
    const { id, messageId } = c.req.valid("param");
    const { auditLog, toolCalls } = await explainReply({
      db: c.get("db"),
      userId: c.get("auth").userId,
      conversationId: id,
      messageId,
    });
    const { assumptions, ...log } = auditLog;
    return c.json(
      {
        auditLog: {
          ...toApiRow(AuditLog, log, ["userId"]),
          assumptions: assumptions.map((row) => toApiRow(AgentAssumption, row)),
        },
        toolCalls,
      },
      200,
    );
  },
);
