import { createRoute, z } from "@hono/zod-openapi";

import { ZStoryQuerySchema, ZStorySchema } from "@cto/contracts/api/community";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";
import { toApiRow } from "@cto/contracts/rows";
import { Story } from "@cto/contracts/tables";

import { ApiError } from "../../errors.ts";
import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";

const common = { tags: ["Stories"], security: SECURITY, middleware: requireAuth };
const ZQuerySchema = ZPageQuerySchema.extend({ cursor: z.uuid().optional().describe("nextCursor of the previous page") }).extend(ZStoryQuerySchema.shape);

/** Your AI-generated stories, one per period. Read-only here: the AI generation writes them. */
export const storyRoutes = createRouter()
  .openapi(
    createRoute({ ...common, method: "get", path: "/", summary: "List your stories, newest first", request: { query: ZQuerySchema }, responses: { 200: jsonContent(zPage(ZStorySchema), "A page of stories"), ...errorResponses() } }),
    async (c) => {
      const { limit, cursor, period } = c.req.valid("query");
      const rows = await c.get("db").story.findMany({
        where: { userId: c.get("auth").userId, period },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: limit + 1,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      const page = rows.slice(0, limit);
      return c.json({ items: page.map((row) => toApiRow(Story, row, ["userId"])), nextCursor: rows.length > limit ? page.at(-1)!.id : null }, 200);
    },
  )
  .openapi(
    createRoute({ ...common, method: "get", path: "/{id}", summary: "Get one of your stories", request: { params: ZIdParamsSchema }, responses: { 200: jsonContent(ZStorySchema, "Found"), ...errorResponses(404) } }),
    async (c) => {
      const story = await c.get("db").story.findFirst({ where: { id: c.req.valid("param").id, userId: c.get("auth").userId } });
      if (!story) throw new ApiError("not_found", "No such story.");
      return c.json(toApiRow(Story, story, ["userId"]), 200);
    },
  );
