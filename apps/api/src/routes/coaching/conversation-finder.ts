import { createRoute } from "@hono/zod-openapi";

import {
  ZConversationImportQuerySchema,
  ZConversationImportSchema,
  ZConversationSearchQuerySchema,
  ZConversationSearchSchema,
  ZConversationStartersSchema,
} from "@cto/contracts/api/coaching";
import { toApiRow } from "@cto/contracts/rows";
import { Conversation } from "@cto/contracts/tables";

import { ApiError } from "../../errors.ts";
import { createRouter, errorResponses, jsonContent, SECURITY } from "../../lib/openapi.ts";
import { importBody } from "../../lib/request-body.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { importConversations } from "../../services/conversation-import/import.ts";
import { searchConversations } from "../../services/coaching/conversation-search.ts";
import { suggestStarters } from "../../services/coaching/starters.ts";

const common = { tags: ["Conversations"], security: SECURITY, middleware: requireAuth };

const EXPORT_TYPES = /^application\/(json|zip|x-zip-compressed|octet-stream)\b/i;

const IMPORT_DESCRIPTION = [
  "Brings the conversations of a ChatGPT or Claude data export into yours. The body is the export's",
  "conversations.json (Content-Type: application/json) or the whole ZIP the vendor sent (application/zip);",
  "the format is told from the file unless `format` names it. Each conversation becomes one of yours, with its",
  "title, times and the branch last shown (the user's and the assistant's text; tool calls, hidden system",
  "messages, reasoning and images are left out and counted in messages.skipped); messages carry source IMPORT.",
  "A conversation imported before is skipped (counted in duplicates), so a newer export adds only what is new.",
  "All or nothing: a file with any unreadable conversation imports none, and answers 400 validation_failed with",
  "each problem's place in the file (e.g. 3.mapping.ab12.message.create_time); at most 200 are listed. The body,",
  "and the JSON unzipped from it, may each be as large as the account import allows (413 beyond).",
].join(" ");

/** Finding, starting and importing conversations: mounted before /conversations/{id}, whose id would take these paths. */
export const conversationFinderRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/search",
      summary: "Search your conversations' titles and messages",
      description:
        "Case-insensitive, literal (no wildcards); archived conversations are included, the trash is not. Most recently active first, each with its newest matching message.",
      request: { query: ZConversationSearchQuerySchema },
      responses: { 200: jsonContent(ZConversationSearchSchema, "Matching conversations"), ...errorResponses() },
    }),
    async (c) => {
      const { q, limit } = c.req.valid("query");
      const found = await searchConversations({ db: c.get("db"), userId: c.get("auth").userId, query: q, limit });
      const items = found.map(({ conversation, match }) => ({
        conversation: toApiRow(Conversation, conversation, ["userId"]),
        match,
      }));
      return c.json({ items }, 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/starters",
      summary: "Suggested first messages for an empty conversation, from your goals, commitments and profile",
      responses: { 200: jsonContent(ZConversationStartersSchema, "Up to four prompts"), ...errorResponses() },
    }),
    async (c) => c.json({ items: await suggestStarters({ db: c.get("db"), userId: c.get("auth").userId }) }, 200),
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/import",
      summary: "Import the conversations of a ChatGPT or Claude data export",
      description: IMPORT_DESCRIPTION,
      request: {
        query: ZConversationImportQuerySchema,
        // Read as it streams, never as one text: documented here, not validated by a body schema.
        body: {
          required: true,
          content: {
            "application/json": { schema: { type: "array", items: { type: "object" } } },
            "application/zip": { schema: { type: "string", format: "binary" } },
          },
        },
      },
      responses: { 201: jsonContent(ZConversationImportSchema, "Imported"), ...errorResponses(413, 415) },
    }),
    async (c) => {
      if (!EXPORT_TYPES.test(c.req.header("content-type") ?? ""))
        throw new ApiError(
          "unsupported_media_type",
          "Send the export's conversations.json as application/json, or its ZIP file as application/zip.",
        );
      const maxBytes = c.get("config").maxImportBytes;
      const result = await importConversations({
        db: c.get("db"),
        userId: c.get("auth").userId,
        body: importBody(c.req.raw, maxBytes),
        maxBytes,
        format: c.req.valid("query").format,
      });
      return c.json(result, 201);
    },
  );
