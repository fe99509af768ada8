import { createRoute } from "@hono/zod-openapi";

import { ZAnalysisMessageSchema, ZInteractionParamsSchema } from "@cto/contracts/api/analysis";
import type { InteractionType } from "@cto/db/client";

import { createRouter, errorResponses, jsonContent, SECURITY } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { findOwnedMessage, serializeMessage, touchSession, withInteractions } from "./shared.ts";

const common = { tags: ["Analysis messages"], security: SECURITY, middleware: requireAuth, request: { params: ZInteractionParamsSchema } };
// Liking and disliking exclude each other: adding one takes the other away.
const OPPOSITE: Partial<Record<InteractionType, InteractionType>> = { LIKED: "DISLIKED", DISLIKED: "LIKED" };

/**
 * Like, dislike, pin or copy a message. One interaction per (user, message, type), so adding is
 * idempotent and usedCount (copies) is 0 or 1 per user. Mounted at /analysis-messages.
 */
export const interactionRoutes = createRouter()
  .openapi(
    createRoute({ ...common, method: "post", path: "/{id}/interactions/{type}", summary: "Add an interaction (idempotent; liked and disliked replace each other)", responses: { 200: jsonContent(ZAnalysisMessageSchema, "The message with its derived flags"), ...errorResponses(403, 404) } }),
    async (c) => {
      const db = c.get("db");
      const userId = c.get("auth").userId;
      const { id, type } = c.req.valid("param");
      const message = await findOwnedMessage(db, userId, id);
      const updated = await db.$transaction(async (tx) => {
        // Serialises interactions on one message, so a racing like and dislike cannot both stay.
        await tx.$queryRaw`SELECT 1 FROM analysis_messages WHERE id = ${id}::uuid FOR UPDATE`;
        const opposite = OPPOSITE[type];
        if (opposite) await tx.messageInteraction.deleteMany({ where: { userId, analysisMessageId: id, type: opposite } });
        await tx.messageInteraction.createMany({ data: [{ userId, analysisMessageId: id, type }], skipDuplicates: true });
        await touchSession(tx, message.analysisSessionId);
        return tx.analysisMessage.findUniqueOrThrow({ where: { id }, include: withInteractions(userId) });
      });
      return c.json(serializeMessage(updated), 200);
    },
  )
  .openapi(
    createRoute({ ...common, method: "delete", path: "/{id}/interactions/{type}", summary: "Remove an interaction (idempotent)", responses: { 200: jsonContent(ZAnalysisMessageSchema, "The message with its derived flags"), ...errorResponses(403, 404) } }),
    async (c) => {
      const db = c.get("db");
      const userId = c.get("auth").userId;
      const { id, type } = c.req.valid("param");
      const message = await findOwnedMessage(db, userId, id);
      const updated = await db.$transaction(async (tx) => {
        await tx.messageInteraction.deleteMany({ where: { userId, analysisMessageId: id, type } });
        await touchSession(tx, message.analysisSessionId);
        return tx.analysisMessage.findUniqueOrThrow({ where: { id }, include: withInteractions(userId) });
      });
      return c.json(serializeMessage(updated), 200);
    },
  );
