import { createRoute, z } from "@hono/zod-openapi";
import { deleteCookie } from "hono/cookie";

import { ZSessionInfoSchema } from "@cto/contracts/api/channels";
import { toApiRow } from "@cto/contracts/rows";
import { zText } from "@cto/contracts/values";
import { ConnectedAccount, Session } from "@cto/contracts/tables";

import { ApiError } from "../errors.ts";
import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../lib/openapi.ts";
import { resourceRoutes } from "../lib/resource.ts";
import { requireAuth, SESSION_COOKIE } from "../middleware/auth.ts";

const common = { tags: ["Security"], security: SECURITY, middleware: requireAuth };

/** Where you are signed in: every live session (never its token), the current one marked; revoke any. */
export const sessionRoutes = createRouter()
  .openapi(
    createRoute({ ...common, method: "get", path: "/", summary: "List your signed-in sessions", responses: { 200: jsonContent(z.object({ items: z.array(ZSessionInfoSchema) }), "Live sessions, most recently used first"), ...errorResponses() } }),
    async (c) => {
      const { userId, sessionId } = c.get("auth");
      const rows = await c.get("db").session.findMany({ where: { userId, expires: { gt: new Date() } }, orderBy: [{ lastUsedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }] });
      return c.json({ items: rows.map((row) => ({ ...toApiRow(Session, row, ["userId", "sessionToken"]), current: row.id === sessionId })) }, 200);
    },
  )
  .openapi(
    createRoute({ ...common, method: "delete", path: "/{id}", summary: "Sign out a session (yours)", request: { params: ZIdParamsSchema }, responses: { 204: { description: "Signed out" }, ...errorResponses(403, 404) } }),
    async (c) => {
      const { userId, sessionId } = c.get("auth");
      const { id } = c.req.valid("param");
      const { count } = await c.get("db").session.deleteMany({ where: { id, userId } });
      if (count === 0) throw new ApiError("not_found", "No such session.");
      if (id === sessionId) deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    },
  );

export const connectedAccountRoutes = resourceRoutes({
  name: "connected accounts",
  tag: "Security",
  model: (db) => db.connectedAccount,
  table: ConnectedAccount,
  hidden: ["accessToken", "refreshToken", "syncCursor"],
  readOnly: true,
  filters: z.object({ provider: zText().max(50).optional() }),
  where: ({ provider }) => ({ provider }),
  sorts: { created: [{ createdAt: "desc" }] },
}).openapi(
  createRoute({ ...common, method: "delete", path: "/{id}", summary: "Disconnect an account (its tokens are deleted)", request: { params: ZIdParamsSchema }, responses: { 204: { description: "Disconnected" }, ...errorResponses(403, 404) } }),
  async (c) => {
    const { count } = await c.get("db").connectedAccount.deleteMany({ where: { id: c.req.valid("param").id, userId: c.get("auth").userId } });
    if (count === 0) throw new ApiError("not_found", "No such connected account.");
    return c.body(null, 204);
  },
);

