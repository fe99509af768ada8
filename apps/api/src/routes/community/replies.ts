import { createRoute } from "@hono/zod-openapi";

import { ZCreateReplySchema, ZReplySchema } from "@cto/contracts/api/community";

import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import { deleteReply, updateReply } from "../../services/community/replies.ts";
import { depsOf } from "../deps.ts";
import { serializeReply } from "./shared.ts";

const common = { tags: ["Feed"], security: SECURITY, middleware: requireAuth };

/** Your replies: only the author may change or delete one; anyone else's is "not found". */
export const replyRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "patch",
      path: "/{id}",
      summary: "Change one of your replies",
      request: {
        params: ZIdParamsSchema,
        body: { required: true, content: { "application/json": { schema: ZCreateReplySchema } } },
      },
      responses: { 200: jsonContent(ZReplySchema, "Changed"), ...errorResponses(403, 404, 415) },
    }),
    async (c) => {
      const reply = await updateReply({
        ...depsOf(c),
        userId: c.get("auth").userId,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
      });
      return c.json(serializeReply(reply), 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "delete",
      path: "/{id}",
      summary: "Delete one of your replies",
      request: { params: ZIdParamsSchema },
      responses: { 204: { description: "Deleted" }, ...errorResponses(403, 404) },
    }),
    async (c) => {
      await deleteReply({ db: c.get("db"), userId: c.get("auth").userId, id: c.req.valid("param").id });
      return c.body(null, 204);
    },
  );
