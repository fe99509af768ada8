import { createRoute } from "@hono/zod-openapi";

import { ZOfferedModelsSchema } from "@cto/contracts/api/ai-models";

import { createRouter, errorResponses, jsonContent, SECURITY } from "../lib/openapi.ts";
import { requireAuth } from "../middleware/auth.ts";
import { listOfferedModels, offeredUserDefault } from "../services/chat/models.ts";

/** GET /models: what a conversation may choose, from the catalogue (GET /ai-models) and the configured provider. */
export const modelRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["AI models"],
    security: SECURITY,
    middleware: requireAuth,
    summary: "The chat models the configured AI provider serves, with prices (USD per million tokens)",
    description:
      "A conversation's `model` must be one of these (else 400). The offline provider serves the catalogue's local models; an OpenAI-compatible server every other active chat model, and its configured default.",
    responses: {
      200: jsonContent(ZOfferedModelsSchema, "The offered models, the provider's default first"),
      ...errorResponses(),
    },
  }),
  async (c) => {
    const deps = { db: c.get("db"), ai: c.get("ai"), sharedCache: c.get("sharedCache") };
    const [items, userDefault] = await Promise.all([
      listOfferedModels(deps),
      offeredUserDefault(deps, c.get("auth").userId),
    ]);
    return c.json({ items, defaultModel: deps.ai.chatModel, userDefault }, 200);
  },
);
