import { createRoute } from "@hono/zod-openapi";

import { OCR_AUTHOR, ZAnalysisSessionSchema, ZConfirmedOcrSchema, ZConfirmOcrSchema, ZOcrResultSchema } from "@cto/contracts/api/analysis";
import { Prisma } from "@cto/db/client";

import { ApiError } from "../../errors.ts";
import { syncEmbeddings } from "../../lib/embedding-hooks.ts";
import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { findOwnedSession, serializeMessage, serializeSession, withInteractions } from "./shared.ts";

const common = { tags: ["Analysis sessions"], security: SECURITY, middleware: requireAuth };
const notVerifying = (status: string) => new ApiError("invalid_state", `The OCR result can only be changed or confirmed while the session is verifying_ocr; it is ${status.toLowerCase()}.`);

/** OCR output waits on the session for the user's check (001 §3.3), then becomes messages. */
export const ocrRoutes = createRouter()
  .openapi(
    createRoute({
      ...common, method: "put", path: "/{id}/ocr-result", summary: "Store the OCR result awaiting the user's check (only while verifying_ocr)",
      request: { params: ZIdParamsSchema, body: { required: true, content: { "application/json": { schema: ZOcrResultSchema } } } },
      responses: { 200: jsonContent(ZAnalysisSessionSchema, "Stored"), ...errorResponses(403, 404, 409, 415) },
    }),
    async (c) => {
      const db = c.get("db");
      const { id } = c.req.valid("param");
      const items = c.req.valid("json");
      const session = await findOwnedSession(db, c.get("auth").userId, id);
      if (session.status !== "VERIFYING_OCR") throw notVerifying(session.status);
      const { count } = await db.analysisSession.updateMany({ where: { id, status: "VERIFYING_OCR", deletedAt: null }, data: { ocrResult: items } });
      if (!count) throw notVerifying("changed meanwhile");
      return c.json(serializeSession(await db.analysisSession.findFirstOrThrow({ where: { id } })), 200);
    },
  )
  .openapi(
    createRoute({
      ...common, method: "post", path: "/{id}/ocr-result/confirm",
      summary: "Confirm the OCR result: its items (or the corrected ones sent) become the session's messages, ocrResult is cleared and the analysis starts",
      request: { params: ZIdParamsSchema, body: { required: false, content: { "application/json": { schema: ZConfirmOcrSchema } } } },
      responses: { 200: jsonContent(ZConfirmedOcrSchema, "Confirmed"), ...errorResponses(403, 404, 409, 415) },
    }),
    async (c) => {
      const db = c.get("db");
      const userId = c.get("auth").userId;
      const { id } = c.req.valid("param");
      const corrected = c.req.valid("json")?.items;
      const session = await findOwnedSession(db, userId, id);
      if (session.status !== "VERIFYING_OCR") throw notVerifying(session.status);
      const stored = ZOcrResultSchema.safeParse(session.ocrResult);
      const items = corrected ?? (session.ocrResult === null ? undefined : stored.data);
      if (!items) throw new ApiError("invalid_state", "There is no OCR result to confirm; PUT one or send the items.");

      const now = Date.now();
      const result = await db.$transaction(async (tx) => {
        // Same guard as the transition route: a concurrent confirm or transition makes this one a no-op.
        const { count } = await tx.analysisSession.updateMany({
          where: { id, status: "VERIFYING_OCR", deletedAt: null },
          data: { ocrResult: Prisma.DbNull, status: "ANALYSIS_IN_PROGRESS", lastActivity: new Date(now) },
        });
        if (!count) throw notVerifying("changed meanwhile");
        // One millisecond apart, ending now, so the chat reads back in the order the OCR saw it.
        const data = items.map((item, index) => ({ analysisSessionId: id, text: item.text, author: OCR_AUTHOR[item.author], timestamp: new Date(now - (items.length - 1 - index)) }));
        const created = await tx.analysisMessage.createManyAndReturn({ data, select: { id: true } });
        const messages = await tx.analysisMessage.findMany({ where: { analysisSessionId: id }, orderBy: [{ timestamp: "asc" }, { id: "asc" }], include: withInteractions(userId) });
        return { session: await tx.analysisSession.findFirstOrThrow({ where: { id } }), messages, created };
      });
      // The confirmed chat is the user's memory like any message they add (trashing the session takes it out again).
      await syncEmbeddings({ c, db, userId, ownerKind: "ANALYSIS_MESSAGE", ownerIds: result.created.map((message) => message.id), event: "create" });
      return c.json({ session: serializeSession(result.session), messages: result.messages.map(serializeMessage) }, 200);
    },
  );
