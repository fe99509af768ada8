import { createRoute } from "@hono/zod-openapi";

import {
  DOCUMENT_FIELD,
  ZDocumentDetailSchema,
  ZDocumentListQuerySchema,
  ZDocumentListSchema,
  ZDocumentSchema,
} from "@cto/contracts/api/documents";
import { ZErrorSchema } from "@cto/contracts/errors";

import {
  createRouter,
  deleteByIdSpec,
  multipartFileBody,
  errorResponses,
  jsonContent,
  SECURITY,
  ZIdParamsSchema,
} from "../lib/openapi.ts";
import { requireAuth } from "../middleware/auth.ts";
import { acceptDocument, deleteDocument, listDocuments, readDocument } from "../services/documents.ts";
import { readDocumentUpload } from "./documents-upload.ts";
import { depsOf } from "./deps.ts";

const common = { tags: ["Documents"], security: SECURITY, middleware: requireAuth };
const uploadBody = multipartFileBody(
  DOCUMENT_FIELD,
  "The document: PDF, Word (.docx), Markdown (.md) or plain text (.txt, UTF-8)",
);

/** The user's own documents (issue 17 §4): uploaded, read and embedded by the worker, cited in search and chat. */
export const documentRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/",
      request: { body: uploadBody },
      summary: "Upload a document into your memory (multipart/form-data, field `file`); the worker reads and embeds it",
      description:
        "PDF, Word (.docx), Markdown or UTF-8 text, recognised by the file's bytes (and, for text, its name); at most 10 MB by default and 100 documents a user. Answers 202 with the document pending: the worker reads it, cuts it into chunks and embeds them (embeddedChunks of chunkCount), then it is ready, or failed with errorMessage (a damaged or password-protected PDF, no text).",
      responses: {
        202: jsonContent(ZDocumentSchema, "Stored; reading queued"),
        ...errorResponses(409, 413, 415),
        503: {
          description: "Storage is not available; nothing was kept",
          content: { "application/json": { schema: ZErrorSchema } },
        },
      },
    }),
    async (c) => {
      const deps = depsOf(c);
      const upload = await readDocumentUpload(c, c.get("config").maxDocumentBytes);
      const document = await acceptDocument({ ...deps, storage: c.get("storage") }, c.get("auth").userId, upload);
      return c.json(document, 202);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/",
      request: { query: ZDocumentListQuerySchema },
      summary: "Your documents, newest first, with where each stands (by default all of them in one page)",
      responses: { 200: jsonContent(ZDocumentListSchema, "A page of documents"), ...errorResponses() },
    }),
    async (c) => c.json(await listDocuments(depsOf(c), c.get("auth").userId, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/{id}",
      request: { params: ZIdParamsSchema },
      summary: "One of your documents, with its text as it was cut into chunks",
      responses: { 200: jsonContent(ZDocumentDetailSchema, "The document"), ...errorResponses(404) },
    }),
    async (c) => c.json(await readDocument(depsOf(c), c.get("auth").userId, c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      ...common,
      ...deleteByIdSpec("Delete a document with everything made from it (its chunks and their embeddings)"),
    }),
    async (c) => {
      await deleteDocument({ ...depsOf(c), storage: c.get("storage") }, c.get("auth").userId, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
