import { createRoute } from "@hono/zod-openapi";

import { ZUnsubscribeQuerySchema, ZUnsubscribeResultSchema } from "@cto/contracts/api/unsubscribe";

import { createRouter, errorResponses, jsonContent } from "../lib/openapi.ts";
import { unsubscribe } from "../services/unsubscribe.ts";

/**
 * One-click unsubscribe (RFC 8058), no sign-in: the token in the link is the proof. Only a POST changes
 * anything; the body (`List-Unsubscribe=One-Click` from a mail client, nothing from the web page) is ignored.
 */
export const unsubscribeRoutes = createRouter().openapi(
  createRoute({
    method: "post",
    path: "/",
    tags: ["Notifications"],
    security: [],
    summary: "Turn off the emails of an unsubscribe link's list (coach nudges) for the user it was sent to",
    request: { query: ZUnsubscribeQuerySchema },
    responses: {
      200: jsonContent(ZUnsubscribeResultSchema, "Unsubscribed (again, if it already was)"),
      ...errorResponses(429),
    },
  }),
  async (c) => c.json(await unsubscribe({ db: c.get("db"), token: c.req.valid("query").token }), 200),
);
