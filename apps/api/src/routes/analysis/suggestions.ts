import { createRoute } from "@hono/zod-openapi";

import { ZGenerateSuggestionsSchema, ZSuggestionsSchema } from "@cto/contracts/api/analysis";
import { ZErrorSchema } from "@cto/contracts/errors";

import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { spendDailyGeneration } from "../../middleware/generation-limit.ts";
import { suggestReplies } from "../../services/analysis/suggestions.ts";
import { depsOf } from "../deps.ts";
import { serializeMessage, serializeSession } from "./shared.ts";

/** 001's AI step: reply suggestions with title, tag and "why this works", grounded in the knowledge base. */
export const suggestionRoutes = createRouter().openapi(
  createRoute({
    method: "post",
    path: "/{id}/suggestions",
    tags: ["Analysis sessions"],
    security: SECURITY,
    middleware: requireAuth,
    summary: "Suggest replies for the session's chat (AI messages with title, tag and analysis); the session completes",
    description:
      "Grounded in the knowledge base (optionally one phase and goal). Uses one of the day's AI generations (429 with Retry-After when spent). Works from pending_user_input (text sessions), analysis_in_progress or complete; the session ends complete. Without an AI model configured the suggestions are labelled offline templates.",
    request: {
      params: ZIdParamsSchema,
      body: { required: false, content: { "application/json": { schema: ZGenerateSuggestionsSchema } } },
    },
    responses: {
      201: jsonContent(ZSuggestionsSchema, "The new suggestions"),
      ...errorResponses(404, 409, 415, 429),
      503: {
        description: "The AI provider failed; nothing was stored",
        content: { "application/json": { schema: ZErrorSchema } },
      },
    },
  }),
  async (c) => {
    // An absent body is valid and means the defaults, which the validator does not fill in then.
    const { count, phase, goal } = ZGenerateSuggestionsSchema.parse(c.req.valid("json") ?? {});
    const result = await suggestReplies({
      ...depsOf(c),
      ai: c.get("ai"),
      userId: c.get("auth").userId,
      id: c.req.valid("param").id,
      count,
      phase,
      goal,
      spendGeneration: () => spendDailyGeneration(c),
    });
    return c.json(
      { ...result, session: serializeSession(result.session), suggestions: result.suggestions.map(serializeMessage) },
      201,
    );
  },
);
