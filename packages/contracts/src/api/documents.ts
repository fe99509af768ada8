import { z } from "zod";

import { ZPageQuerySchema, zPage } from "../pagination.ts";

/** What a document is, recognised by its bytes and name: PDF, Word (.docx), Markdown or plain text. */
export const DOCUMENT_KINDS = ["pdf", "docx", "markdown", "text"] as const;
export const DOCUMENT_STATUSES = ["pending", "processing", "ready", "failed"] as const;

/** The form field the file travels in (POST /documents, multipart/form-data). */
export const DOCUMENT_FIELD = "file";
/** The server's default largest upload (DOCUMENT_MAX_BYTES); the web app says it before a file is sent. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 10_000_000;
/** How many documents one user keeps at most; one more is refused until one is deleted. */
export const MAX_DOCUMENTS_PER_USER = 100;
/** Longest text one document may hold once parsed (about 250 pages of prose); a longer one fails with a reason. */
export const MAX_DOCUMENT_TEXT_CHARS = 1_000_000;
/** Names the upload's file picker accepts; the server decides by the bytes, the name only tells text kinds apart. */
export const DOCUMENT_ACCEPT = ".pdf,.docx,.md,.markdown,.txt,.text";

export const ZDocumentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  status: z
    .enum(DOCUMENT_STATUSES)
    .describe(
      "pending: queued for the worker; processing: being read and embedded; ready: cited in search and chat; failed: see errorMessage",
    ),
  errorMessage: z.string().nullable().describe("Why it failed, for the user; null unless failed"),
  pageCount: z.number().int().nullable().describe("Pages of a PDF; null for other kinds or before it is read"),
  chunkCount: z.number().int().describe("Pieces its text was cut into (0 until it is read)"),
  embeddedChunks: z.number().int().describe("Pieces embedded so far: the progress while processing"),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type TDocument = z.infer<typeof ZDocumentSchema>;

export const ZDocumentListSchema = zPage(ZDocumentSchema);
export type TDocumentList = z.infer<typeof ZDocumentListSchema>;
/** A page of the list; by default one holds every document a user can keep, so the list reads in one request. */
export const ZDocumentListQuerySchema = ZPageQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(MAX_DOCUMENTS_PER_USER).default(MAX_DOCUMENTS_PER_USER),
});

export const ZDocumentChunkSchema = z.object({
  id: z.string(),
  chunkIndex: z.number().int(),
  page: z.number().int().nullable().describe("The PDF page the piece starts on"),
  content: z.string(),
});
export const ZDocumentDetailSchema = ZDocumentSchema.extend({
  chunks: z.array(ZDocumentChunkSchema).describe("The document's text as it was cut and embedded, in order"),
});
export type TDocumentDetail = z.infer<typeof ZDocumentDetailSchema>;
