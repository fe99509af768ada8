import { createRoute } from "@hono/zod-openapi";

import { ZAnalysisMessageSchema, ZInteractionParamsSchema } from "@cto/contracts/api/analysis";

import { createRouter, errorResponses, jsonContent, SECURITY } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { addInteraction, removeInteraction } from "../../services/analysis/messages.ts";
import { serializeMessage } from "./shared.ts";

const common = {
  tags: ["Analysis messages"],
  security: SECURITY,
  middleware: requireAuth,
  request: { params: ZInteractionParamsSchema },
};

/**
 * Like, dislike, pin or copy a message. One interaction per (user, message, type), so adding is
 * idempotent and usedCount (copies) is 0 or 1 per user. Mounted at /analysis-messages.
 */
export const interactionRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/{id}/interactions/{type}",
      summary: "Add an interaction (idempotent; liked and disliked replace each other)",
      responses: {
        200: jsonContent(ZAnalysisMessageSchema, "The message with its derived flags"),
        ...errorResponses(403, 404),
      },
    }),
    async (c) => {
      const updated = await addInteraction({ db: c.get("db"), userId: c.get("auth").userId, ...c.req.valid("param") });
      return c.json(serializeMessage(updated), 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "delete",
      path: "/{id}/interactions/{type}",
      summary: "Remove an interaction (idempotent)",
      responses: {
        200: jsonContent(ZAnalysisMessageSchema, "The message with its derived flags"),
        ...errorResponses(403, 404),
      },
    }),
    async (c) => {
      const updated = await removeInteraction({
        db: c.get("db"),
        userId: c.get("auth").userId,
        ...c.req.valid("param"),
      });
      return c.json(serializeMessage(updated), 200);
    },
  );
