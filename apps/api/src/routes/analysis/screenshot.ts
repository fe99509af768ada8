import { createRoute, z } from "@hono/zod-openapi";

import {
  type SCREENSHOT_CONTENT_TYPES,
  ZAnalysisSessionSchema,
  ZOcrStatusSchema,
  ZScreenshotUploadedSchema,
} from "@cto/contracts/api/analysis";
import { ZErrorSchema } from "@cto/contracts/errors";
import { sniffImage } from "@cto/storage/image";

import {
  createRouter,
  multipartFileBody,
  errorResponses,
  jsonContent,
  SECURITY,
  ZIdParamsSchema,
} from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import {
  acceptScreenshot,
  assertCanUpload,
  ocrStatus,
  readScreenshot,
  retryOcr,
} from "../../services/analysis/screenshot.ts";
import { findOwnedSession, readSession } from "../../services/analysis/sessions.ts";
import { readScreenshotUpload, SCREENSHOT_FIELD } from "./screenshot-upload.ts";
import { serializeSession } from "./shared.ts";

const common = {
  tags: ["Analysis sessions"],
  security: SECURITY,
  middleware: requireAuth,
  request: { params: ZIdParamsSchema },
};
const unavailable = {
  503: {
    description: "Storage or the job queue is not available; nothing was changed",
    content: { "application/json": { schema: ZErrorSchema } },
  },
};
const uploadBody = multipartFileBody(SCREENSHOT_FIELD, "The chat screenshot: PNG, JPEG or WebP");

/** 001's screenshot flow: upload, preview, the OCR's progress and a retry after a failed OCR. */
export const screenshotRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/{id}/screenshot",
      request: { ...common.request, body: uploadBody },
      summary:
        "Upload the chat screenshot (multipart/form-data, field `file`); the session moves uploading → analysis_in_progress and the OCR is queued",
      description:
        "PNG, JPEG or WebP, recognised by the file's bytes; at most 10 MB by default. The session must be a screenshot session in pending_user_input or previewing_screenshot. Answers 202: the OCR runs in the worker and moves the session to verifying_ocr (or to error; see GET /analysis-sessions/{id}/ocr).",
      responses: {
        202: jsonContent(ZScreenshotUploadedSchema, "Stored; OCR queued"),
        ...errorResponses(404, 409, 413, 415),
        ...unavailable,
      },
    }),
    async (c) => {
      const db = c.get("db");
      const session = await findOwnedSession(db, c.get("auth").userId, c.req.valid("param").id);
      const queues = c.get("queues");
      assertCanUpload(session, queues);
      const upload = await readScreenshotUpload(c, c.get("config").maxScreenshotBytes);
      const ocrJobId = await acceptScreenshot({ db, storage: c.get("storage"), queues: queues!, session, upload });
      const { width, height, contentType } = upload.image;
      return c.json(
        {
          session: serializeSession(await readSession(db, session.id)),
          screenshot: {
            contentType: contentType as (typeof SCREENSHOT_CONTENT_TYPES)[number],
            bytes: upload.bytes.byteLength,
            width,
            height,
          },
          ocrJobId,
        },
        202,
      );
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/{id}/screenshot",
      summary: "The uploaded screenshot itself, for the preview (yours only)",
      responses: {
        200: {
          description: "The image",
          content: {
            "image/png": { schema: { type: "string", format: "binary" } },
            "image/jpeg": { schema: { type: "string", format: "binary" } },
            "image/webp": { schema: { type: "string", format: "binary" } },
          },
        },
        ...errorResponses(404),
        ...unavailable,
      },
    }),
    async (c) => {
      const session = await findOwnedSession(c.get("db"), c.get("auth").userId, c.req.valid("param").id);
      const object = await readScreenshot(c.get("storage"), session);
      const contentType = sniffImage(object.body)?.contentType ?? "application/octet-stream";
      return c.body(object.body as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": contentType,
        "Content-Length": String(object.body.byteLength),
        "Cache-Control": "private, no-cache",
        "Content-Disposition": "inline",
      });
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/{id}/ocr",
      summary: "Where the OCR of the screenshot stands, and why its last run failed",
      responses: { 200: jsonContent(ZOcrStatusSchema, "The OCR status"), ...errorResponses(404) },
    }),
    async (c) => {
      const db = c.get("db");
      const session = await findOwnedSession(db, c.get("auth").userId, c.req.valid("param").id);
      return c.json(await ocrStatus(db, session), 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/{id}/ocr/retry",
      summary: "Read the stored screenshot again after a failed OCR (error → analysis_in_progress)",
      responses: {
        202: jsonContent(z.object({ session: ZAnalysisSessionSchema, ocrJobId: z.string() }), "OCR queued again"),
        ...errorResponses(404, 409),
        ...unavailable,
      },
    }),
    async (c) => {
      const db = c.get("db");
      const session = await findOwnedSession(db, c.get("auth").userId, c.req.valid("param").id);
      const ocrJobId = await retryOcr({ db, storage: c.get("storage"), queues: c.get("queues"), session });
      return c.json({ session: serializeSession(await readSession(db, session.id)), ocrJobId }, 202);
    },
  );
