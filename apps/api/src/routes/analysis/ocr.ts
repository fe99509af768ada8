import { createRoute } from "@hono/zod-openapi";

import {
  ZAnalysisSessionSchema,
  ZConfirmedOcrSchema,
  ZConfirmOcrSchema,
  ZOcrResultSchema,
} from "@cto/contracts/api/analysis";

import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { confirmOcrResult, storeOcrResult } from "../../services/analysis/ocr.ts";
import { depsOf } from "../deps.ts";
import { serializeMessage, serializeSession } from "./shared.ts";

const common = { tags: ["Analysis sessions"], security: SECURITY, middleware: requireAuth };

/** OCR output waits on the session for the user's check (001 §3.3), then becomes messages. */
export const ocrRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "put",
      path: "/{id}/ocr-result",
      summary: "Store the OCR result awaiting the user's check (only while verifying_ocr)",
      request: {
        params: ZIdParamsSchema,
        body: { required: true, content: { "application/json": { schema: ZOcrResultSchema } } },
      },
      responses: { 200: jsonContent(ZAnalysisSessionSchema, "Stored"), ...errorResponses(403, 404, 409, 415) },
    }),
    async (c) => {
      const session = await storeOcrResult({
        db: c.get("db"),
        userId: c.get("auth").userId,
        id: c.req.valid("param").id,
        items: c.req.valid("json"),
      });
      return c.json(serializeSession(session), 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/{id}/ocr-result/confirm",
      summary:
        "Confirm the OCR result: its items (or the corrected ones sent) become the session's messages, ocrResult is cleared and the analysis starts",
      request: {
        params: ZIdParamsSchema,
        body: { required: false, content: { "application/json": { schema: ZConfirmOcrSchema } } },
      },
      responses: { 200: jsonContent(ZConfirmedOcrSchema, "Confirmed"), ...errorResponses(403, 404, 409, 415) },
    }),
    async (c) => {
      const result = await confirmOcrResult({
        ...depsOf(c),
        userId: c.get("auth").userId,
        id: c.req.valid("param").id,
        corrected: c.req.valid("json")?.items,
      });
      return c.json(
        { session: serializeSession(result.session), messages: result.messages.map(serializeMessage) },
        200,
      );
    },
  );
