import { createRoute } from "@hono/zod-openapi";

import { ZAnalysisSessionSchema, ZTransitionSchema } from "@cto/contracts/api/analysis";
import { AnalysisSession } from "@cto/contracts/tables";

import { errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { analysisSessionService, transitionSession } from "../../services/analysis/sessions.ts";
import { resourceRoutes } from "../resource.ts";
import { serializeSession } from "./shared.ts";

export const analysisSessionRoutes = resourceRoutes({
  service: analysisSessionService,
  tag: "Analysis sessions",
  table: AnalysisSession,
}).openapi(
  createRoute({
    method: "post",
    path: "/{id}/transition",
    tags: ["Analysis sessions"],
    summary: "Move a session along its state machine (see the status description)",
    security: SECURITY,
    middleware: requireAuth,
    request: {
      params: ZIdParamsSchema,
      body: { required: true, content: { "application/json": { schema: ZTransitionSchema } } },
    },
    responses: { 200: jsonContent(ZAnalysisSessionSchema, "Moved"), ...errorResponses(403, 404, 409, 415) },
  }),
  async (c) => {
    const session = await transitionSession({
      db: c.get("db"),
      userId: c.get("auth").userId,
      id: c.req.valid("param").id,
      to: c.req.valid("json").status,
    });
    return c.json(serializeSession(session), 200);
  },
);
