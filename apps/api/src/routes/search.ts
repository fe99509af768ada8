import { createRoute } from "@hono/zod-openapi";

import { ZSearchQuerySchema, ZSearchResultSchema } from "@cto/contracts/api/search";
import { toApiEnum } from "@cto/contracts/boundary";
import type { EmbeddingOwnerKind } from "@cto/db/client";
import { searchEmbeddings, searchKnowledgeChunks } from "@cto/db/vector";

import { createRouter, errorResponses, jsonContent, SECURITY } from "../lib/openapi.ts";
import { requireAuth } from "../middleware/auth.ts";
import { toAiApiError } from "../services/ai-failure.ts";
import { searchParents } from "../services/search-parents.ts";

/**
 * Semantic search over the caller's own memory (everything they wrote that was embedded) and the
 * knowledge base, both with the current embedding model: vectors of other models are not compared.
 */
export const searchRoutes = createRouter().openapi(
  createRoute({
    method: "get", path: "/", tags: ["Search"], summary: "Search your memory and the knowledge base by meaning", security: SECURITY, middleware: requireAuth,
    request: { query: ZSearchQuerySchema }, responses: { 200: jsonContent(ZSearchResultSchema, "Matches, best first"), ...errorResponses(429) },
  }),
  async (c) => {
    const { q, scope, kinds, from, to, phase, goal, type, k } = c.req.valid("query");
    const db = c.get("db");
    // Bounded by AI_QUERY_TIMEOUT_MS: with the provider down, search answers 503 within seconds.
    const { vector, model } = await c.get("ai").embedQuery(q).catch((error: unknown) => {
      throw toAiApiError(error, "Search is unavailable right now");
    });
    const memory =
      scope === "knowledge"
        ? []
        : await searchEmbeddings(db, {
            userId: c.get("auth").userId, vector, model, k,
            ...(kinds ? { ownerKinds: kinds as EmbeddingOwnerKind[] } : {}),
            ...(from === undefined ? {} : { createdAfter: new Date(from) }),
            ...(to === undefined ? {} : { createdBefore: new Date(to) }),
          });
    const knowledge = scope === "memory" ? [] : await searchKnowledgeChunks(db, { vector, model, k, ...(phase === undefined ? {} : { phase }), ...(goal ? { goal } : {}), ...(type ? { type } : {}) });
    const parents = await searchParents(db, c.get("auth").userId, memory);
    return c.json(
      {
        model,
        memory: memory.map(({ id, ownerKind, ownerId, chunkIndex, content, createdAt, score }) => ({ id, ownerKind: toApiEnum(ownerKind), ownerId, parentId: parents.get(ownerId) ?? null, chunkIndex, content, createdAt: createdAt.getTime(), score })),
        knowledge: knowledge.map(({ id, chunkId, textContent, phase, goal, type, score }) => ({ id, chunkId, textContent, phase, goal, type, score })),
      },
      200,
    );
  },
);
