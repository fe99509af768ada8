import { createRoute, z } from "@hono/zod-openapi";

import { ZApiKeySchema, ZCreateApiKeySchema, ZCreatedApiKeySchema } from "@cto/contracts/api/auth";
import { fromApiTimestamp, toApiTimestamp } from "@cto/contracts/boundary";

import { ApiError } from "../errors.ts";
import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../lib/openapi.ts";
import { requireAuth } from "../middleware/auth.ts";
import { requireRecentSecondFactor } from "../middleware/second-factor.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "../services/api-keys.ts";

type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};
const toApiKey = (row: ApiKeyRow) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: toApiTimestamp(row.createdAt),
  lastUsedAt: toApiTimestamp(row.lastUsedAt),
  expiresAt: toApiTimestamp(row.expiresAt),
  revokedAt: toApiTimestamp(row.revokedAt),
});

const common = { tags: ["API keys"], security: SECURITY, middleware: requireAuth };

export const apiKeyRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/",
      summary: "List your API keys (never the keys themselves)",
      responses: {
        200: jsonContent(z.object({ items: z.array(ZApiKeySchema) }), "Your keys, newest first"),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const rows = await listApiKeys({ db: c.get("db"), userId: c.get("auth").userId });
      return c.json({ items: rows.map(toApiKey) }, 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/",
      middleware: [requireAuth, requireRecentSecondFactor] as const,
      summary:
        "Create an API key; the key is shown once (with two-factor on, after a recent code: POST /auth/two-factor/verify)",
      request: { body: { required: true, content: { "application/json": { schema: ZCreateApiKeySchema } } } },
      responses: {
        201: jsonContent(ZCreatedApiKeySchema, "The new key, in full, this once"),
        ...errorResponses(403, 415),
      },
    }),
    async (c) => {
      const { name, expiresAt } = c.req.valid("json");
      if (expiresAt && expiresAt <= Date.now())
        throw new ApiError("validation_failed", "expiresAt must be in the future.", [
          { path: "expiresAt", message: "must be in the future" },
        ]);
      const { key, row } = await createApiKey({
        db: c.get("db"),
        userId: c.get("auth").userId,
        name,
        expiresAt: expiresAt ? fromApiTimestamp(expiresAt) : null,
      });
      return c.json({ ...toApiKey(row), key }, 201);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "delete",
      path: "/{id}",
      summary: "Revoke an API key",
      request: { params: ZIdParamsSchema },
      responses: { 204: { description: "Revoked" }, ...errorResponses(403, 404) },
    }),
    async (c) => {
      await revokeApiKey({
        db: c.get("db"),
        userId: c.get("auth").userId,
        id: c.req.valid("param").id,
        cache: c.get("authCache"),
      });
      return c.body(null, 204);
    },
  );
