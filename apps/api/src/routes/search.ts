import { createRoute } from "@hono/zod-openapi";

import { ZSearchQuerySchema, ZSearchResultSchema } from "@cto/contracts/api/search";
import { toApiEnum } from "@cto/contracts/boundary";

import { createRouter, errorResponses, jsonContent, SECURITY } from "../lib/openapi.ts";
import { requireAuth } from "../middleware/auth.ts";
import { search } from "../services/search.ts";

/**
 * Semantic search over the caller's own memory (everything they wrote that was embedded) and the
 * knowledge base, both with the current embedding model: vectors of other models are not compared.
 */
export const searchRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["Search"],
    summary: "Search your memory and the knowledge base by meaning",
    security: SECURITY,
    middleware: requireAuth,
    request: { query: ZSearchQuerySchema },
    responses: { 200: jsonContent(ZSearchResultSchema, "Matches, best first"), ...errorResponses(429) },
  }),
  async (c) => {
    const { model, memory, knowledge } = await search({
      db: c.get("db").$replica(),
      ai: c.get("ai"),
      userId: c.get("auth").userId,
      query: c.req.valid("query"),
    });
    return c.json(
      {
        model,
        memory: memory.map(({ id, ownerKind, ownerId, parentId, chunkIndex, content, createdAt, score }) => ({
          id,
          ownerKind: toApiEnum(ownerKind),
          ownerId,
          parentId,
          chunkIndex,
          content,
          createdAt: createdAt.getTime(),
          score,
        })),
        knowledge: knowledge.map(({ id, chunkId, textContent, phase, goal, type, score }) => ({
          id,
          chunkId,
          textContent,
          phase,
          goal,
          type,
          score,
        })),
      },
      200,
    );
  },
);
