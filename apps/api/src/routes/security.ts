import { createRoute, z } from "@hono/zod-openapi";
import { deleteCookie } from "hono/cookie";

import { ZSessionInfoSchema } from "@cto/contracts/api/channels";
import { toApiRow } from "@cto/contracts/rows";
import { ConnectedAccount, Session } from "@cto/contracts/tables";

import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../lib/openapi.ts";
import { requireAuth, SESSION_COOKIE } from "../middleware/auth.ts";
import { connectedAccountService, disconnectAccount } from "../services/connected-accounts.ts";
import { listLiveSessions, revokeOwnSession } from "../services/sessions.ts";
import { resourceRoutes } from "./resource.ts";

const common = { tags: ["Security"], security: SECURITY, middleware: requireAuth };

/** Where you are signed in: every live session (never its token), the current one marked; revoke any. */
export const sessionRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/",
      summary: "List your signed-in sessions",
      responses: {
        200: jsonContent(z.object({ items: z.array(ZSessionInfoSchema) }), "Live sessions, most recently used first"),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const { userId, sessionId } = c.get("auth");
      const rows = await listLiveSessions({ db: c.get("db"), userId });
      return c.json(
        {
          items: rows.map((row) => ({
            ...toApiRow(Session, row, ["userId", "sessionToken"]),
            current: row.id === sessionId,
          })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "delete",
      path: "/{id}",
      summary: "Sign out a session (yours)",
      request: { params: ZIdParamsSchema },
      responses: { 204: { description: "Signed out" }, ...errorResponses(403, 404) },
    }),
    async (c) => {
      const { userId, sessionId } = c.get("auth");
      const { id } = c.req.valid("param");
      await revokeOwnSession({ db: c.get("db"), userId, id, cache: c.get("authCache") });
      if (id === sessionId) deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    },
  );

export const connectedAccountRoutes = resourceRoutes({
  service: connectedAccountService,
  tag: "Security",
  table: ConnectedAccount,
  hidden: ["accessToken", "refreshToken", "syncCursor"],
}).openapi(
  createRoute({
    ...common,
    method: "delete",
    path: "/{id}",
    summary: "Disconnect an account (its tokens are deleted)",
    request: { params: ZIdParamsSchema },
    responses: { 204: { description: "Disconnected" }, ...errorResponses(403, 404) },
  }),
  async (c) => {
    await disconnectAccount({ db: c.get("db"), userId: c.get("auth").userId, id: c.req.valid("param").id });
    return c.body(null, 204);
  },
);
