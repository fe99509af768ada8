import { createRoute } from "@hono/zod-openapi";

import {
  ZConversationSearchQuerySchema,
  ZConversationSearchSchema,
  ZConversationStartersSchema,
} from "@cto/contracts/api/coaching";
import { toApiRow } from "@cto/contracts/rows";
import { Conversation } from "@cto/contracts/tables";

import { createRouter, errorResponses, jsonContent, SECURITY } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { searchConversations } from "../../services/coaching/conversation-search.ts";
import { suggestStarters } from "../../services/coaching/starters.ts";

const common = { tags: ["Conversations"], security: SECURITY, middleware: requireAuth };

/** Finding a conversation and starting one: mounted before /conversations/{id}, whose id would take these paths. */
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
  );
