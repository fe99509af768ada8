import { createRoute, z } from "@hono/zod-openapi";

import { ZPageQuerySchema, zPage } from "@cto/contracts/pagination";
import { apiRowSchema, toApiRow } from "@cto/contracts/rows";
import { KnowledgeChunk } from "@cto/contracts/tables";
import { storableJson, zText } from "@cto/contracts/values";
import { ZKnowledgeChunkListSchema } from "@cto/db/knowledge";

import { createRouter, errorResponses, jsonContent, SECURITY } from "../lib/openapi.ts";
import { requireAdmin, requireAuth } from "../middleware/auth.ts";
import { ingestKnowledge, listKnowledge } from "../services/knowledge.ts";

const ZIngestBodySchema = storableJson(
  z.object({
    chunks: ZKnowledgeChunkListSchema.min(1).max(1000).describe("Knowledge chunks in seed 001's JSON format"),
  }),
);
const ZIngestResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  model: z.string(),
});
const ZKnowledgeRowSchema = apiRowSchema(KnowledgeChunk);
const ZListQuerySchema = ZPageQuerySchema.extend({
  phase: z.coerce.number().int().min(1).max(4).optional(),
  goal: zText().trim().min(1).max(100).optional(),
  type: zText().trim().min(1).max(100).optional(),
  active: z
    .enum(["true", "false"])
    .optional()
    .describe("Only active (true) or retired (false) chunks; both when absent"),
});

const common = { tags: ["Knowledge"], security: SECURITY, middleware: [requireAuth, requireAdmin] };

/**
 * The shared knowledge base, administrators only. Ingestion is idempotent by chunk id and version:
 * unchanged chunks cost no embedding call, new versions replace their row and vector.
 */
export const knowledgeRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/",
      summary: "Ingest knowledge chunks (idempotent by chunk id and version)",
      request: { body: { required: true, content: { "application/json": { schema: ZIngestBodySchema } } } },
      responses: {
        200: jsonContent(ZIngestResultSchema, "How many chunks were created, updated and left unchanged"),
        ...errorResponses(403, 413, 415),
      },
    }),
    async (c) =>
      c.json(await ingestKnowledge({ db: c.get("db"), ai: c.get("ai"), chunks: c.req.valid("json").chunks }), 200),
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/",
      summary: "List knowledge chunks by phase, goal, type and activity",
      request: { query: ZListQuerySchema },
      responses: {
        200: jsonContent(zPage(ZKnowledgeRowSchema), "A page of chunks, by chunk id"),
        ...errorResponses(403),
      },
    }),
    async (c) => {
      const page = await listKnowledge({ db: c.get("db"), query: c.req.valid("query") });
      return c.json(
        { items: page.items.map((row) => toApiRow(KnowledgeChunk, row)), nextCursor: page.nextCursor },
        200,
      );
    },
  );
