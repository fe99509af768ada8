import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";

import { ZCreateReplySchema, ZReplySchema } from "@cto/contracts/api/community";

import type { AppEnv } from "../../context.ts";
import { ApiError } from "../../errors.ts";
import { syncEmbeddings } from "../../lib/embedding-hooks.ts";
import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { authorSelect, serializeReply } from "./shared.ts";

const common = { tags: ["Feed"], security: SECURITY, middleware: requireAuth };

/** Only the author may change or delete a reply; anyone else's is "not found". */
const assertOwnReply = async (c: Context<AppEnv>, id: string) => {
  const reply = await c.get("db").reply.findFirst({ where: { id, authorId: c.get("auth").userId }, select: { id: true } });
  if (!reply) throw new ApiError("not_found", "No such reply.");
};

export const replyRoutes = createRouter()
  .openapi(
    createRoute({
      ...common, method: "patch", path: "/{id}", summary: "Change one of your replies",
      request: { params: ZIdParamsSchema, body: { required: true, content: { "application/json": { schema: ZCreateReplySchema } } } },
      responses: { 200: jsonContent(ZReplySchema, "Changed"), ...errorResponses(403, 404, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await assertOwnReply(c, id);
      const reply = await c.get("db").reply.update({ where: { id }, data: c.req.valid("json"), include: { author: authorSelect } });
      await syncEmbeddings({ c, db: c.get("db"), userId: reply.authorId, ownerKind: "REPLY", ownerIds: [reply.id], event: "update" });
      return c.json(serializeReply(reply), 200);
    },
  )
  .openapi(
    createRoute({ ...common, method: "delete", path: "/{id}", summary: "Delete one of your replies", request: { params: ZIdParamsSchema }, responses: { 204: { description: "Deleted" }, ...errorResponses(403, 404) } }),
    async (c) => {
      const { id } = c.req.valid("param");
      await assertOwnReply(c, id);
      await c.get("db").reply.delete({ where: { id } });
      return c.body(null, 204);
    },
  );
