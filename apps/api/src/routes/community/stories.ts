import { createRoute, z } from "@hono/zod-openapi";

import { ZGenerateStorySchema, ZStoryQuerySchema, ZStorySchema } from "@cto/contracts/api/community";
import { zPage, ZPageQuerySchema } from "@cto/contracts/pagination";
import { toApiRow } from "@cto/contracts/rows";
import { Story } from "@cto/contracts/tables";

import { ApiError } from "../../errors.ts";
import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { readPage } from "../../lib/pagination.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { spendDailyGeneration } from "../../middleware/generation-limit.ts";
import { toAiApiError } from "../../services/ai-failure.ts";
import { giveBackGeneration } from "../../services/generation-quota.ts";
import { generateStory, periodRange } from "../../services/stories.ts";

const common = { tags: ["Stories"], security: SECURITY, middleware: requireAuth };
const ZQuerySchema = ZPageQuerySchema.extend({ cursor: z.uuid().optional().describe("nextCursor of the previous page") }).extend(ZStoryQuerySchema.shape);

/** Your AI-generated stories, one per period; POST /stories/generate writes one, within the daily generation limit. */
export const storyRoutes = createRouter()
  .openapi(
    createRoute({ ...common, method: "get", path: "/", summary: "List your stories, newest first", request: { query: ZQuerySchema }, responses: { 200: jsonContent(zPage(ZStorySchema), "A page of stories"), ...errorResponses() } }),
    async (c) => {
      const { limit, cursor, period } = c.req.valid("query");
      const db = c.get("db");
      const scope = { userId: c.get("auth").userId };
      const page = await readPage({ limit, cursor }, {
        listed: (id) => db.story.findFirst({ where: { ...scope, id }, select: { id: true } }),
        read: (window) => db.story.findMany({ where: { period, ...scope }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...window }),
      });
      return c.json({ items: page.items.map((row) => toApiRow(Story, row, ["userId"])), nextCursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({ ...common, method: "get", path: "/{id}", summary: "Get one of your stories", request: { params: ZIdParamsSchema }, responses: { 200: jsonContent(ZStorySchema, "Found"), ...errorResponses(404) } }),
    async (c) => {
      const story = await c.get("db").story.findFirst({ where: { id: c.req.valid("param").id, userId: c.get("auth").userId } });
      if (!story) throw new ApiError("not_found", "No such story.");
      return c.json(toApiRow(Story, story, ["userId"]), 200);
    },
  )
  .openapi(
    createRoute({
      ...common, method: "post", path: "/generate", summary: "Generate your story for a period (one per period; counts against the daily AI generation limit)",
      request: { body: { required: true, content: { "application/json": { schema: ZGenerateStorySchema } } } },
      responses: { 201: jsonContent(ZStorySchema, "The new story"), ...errorResponses(403, 409, 415, 429) },
    }),
    async (c) => {
      const db = c.get("db");
      const { userId } = c.get("auth");
      const { period } = c.req.valid("json");
      periodRange(period);
      // A story that exists costs nothing: the conflict is answered before the allowance is spent.
      if (await db.story.findUnique({ where: { userId_period: { userId, period } }, select: { id: true } })) throw new ApiError("conflict", `You already have a story for ${period}.`);
      await spendDailyGeneration(c);
      const story = await generateStory({ db, ai: c.get("ai"), userId, period }).catch(async (error: unknown) => {
        // No story came of it (the AI provider failed): the generation is given back, and 503 says why.
        await giveBackGeneration({ db, userId });
        throw toAiApiError(error, "The story could not be written");
      });
      return c.json(toApiRow(Story, story, ["userId"]), 201);
    },
  );
