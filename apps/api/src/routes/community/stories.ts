import { createRoute, z } from "@hono/zod-openapi";

import { ZGenerateStorySchema, ZStoryQuerySchema, ZStorySchema } from "@cto/contracts/api/community";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";
import { toApiRow } from "@cto/contracts/rows";
import { Story } from "@cto/contracts/tables";

import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { spendDailyGeneration } from "../../middleware/generation-limit.ts";
import { getStory, listStories, requestStory } from "../../services/stories.ts";

const common = { tags: ["Stories"], security: SECURITY, middleware: requireAuth };
const ZQuerySchema = ZPageQuerySchema.extend({
  cursor: z.uuid().optional().describe("nextCursor of the previous page"),
}).extend(ZStoryQuerySchema.shape);

/** Your AI-generated stories, one per period; POST /stories/generate writes one, within the daily generation limit. */
export const storyRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/",
      summary: "List your stories, newest first",
      request: { query: ZQuerySchema },
      responses: { 200: jsonContent(zPage(ZStorySchema), "A page of stories"), ...errorResponses() },
    }),
    async (c) => {
      const page = await listStories({ db: c.get("db"), userId: c.get("auth").userId, query: c.req.valid("query") });
      return c.json(
        { items: page.items.map((row) => toApiRow(Story, row, ["userId"])), nextCursor: page.nextCursor },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/{id}",
      summary: "Get one of your stories",
      request: { params: ZIdParamsSchema },
      responses: { 200: jsonContent(ZStorySchema, "Found"), ...errorResponses(404) },
    }),
    async (c) => {
      const story = await getStory({ db: c.get("db"), userId: c.get("auth").userId, id: c.req.valid("param").id });
      return c.json(toApiRow(Story, story, ["userId"]), 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/generate",
      summary: "Generate your story for a period (one per period; counts against the daily AI generation limit)",
      request: { body: { required: true, content: { "application/json": { schema: ZGenerateStorySchema } } } },
      responses: { 201: jsonContent(ZStorySchema, "The new story"), ...errorResponses(403, 409, 415, 429) },
    }),
    async (c) => {
      const story = await requestStory({
        db: c.get("db"),
        ai: c.get("ai"),
        userId: c.get("auth").userId,
        period: c.req.valid("json").period,
        spendGeneration: () => spendDailyGeneration(c),
      });
      return c.json(toApiRow(Story, story, ["userId"]), 201);
    },
  );
