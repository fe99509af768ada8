import { createRoute } from "@hono/zod-openapi";

import {
  ZAiModelFiltersSchema,
  ZAiModelListSchema,
  ZAiModelSchema,
  ZCreateAiModelSchema,
  ZUpdateAiModelSchema,
} from "@cto/contracts/api/ai-models";
import { toApiRow } from "@cto/contracts/rows";
import { AiModel } from "@cto/contracts/tables";

import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../lib/openapi.ts";
import { requireAdmin, requireAuth } from "../middleware/auth.ts";
import { createAiModel, deleteAiModel, listAiModels, updateAiModel, type TAiModelRow } from "../services/ai-models.ts";

const jsonBody = <T>(schema: T) => ({ required: true, content: { "application/json": { schema } } });
const shape = (row: TAiModelRow) => toApiRow(AiModel, row);

/** The model catalogue as users read it (GET /ai-models): which models exist and what they cost. */
export const aiModelRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["AI models"],
    security: SECURITY,
    middleware: requireAuth,
    summary: "The AI model catalogue: chat and embedding models with their prices (USD per million tokens)",
    request: { query: ZAiModelFiltersSchema },
    responses: {
      200: jsonContent(ZAiModelListSchema, "Every model, chat models first, then by name"),
      ...errorResponses(),
    },
  }),
  async (c) => {
    const { active } = c.req.valid("query");
    const models = await listAiModels({ db: c.get("db"), sharedCache: c.get("sharedCache") });
    return c.json(
      { items: models.filter((model) => active === undefined || model.isActive === active).map(shape) },
      200,
    );
  },
);

const admin = { tags: ["AI models"], security: SECURITY, middleware: [requireAuth, requireAdmin] };

/**
 * Administrators keep the catalogue (POST/PATCH/DELETE /admin/ai-models). Every write reaches every
 * API instance's next read, and the next chat reply's price, at once.
 */
export const aiModelAdminRoutes = createRouter()
  .openapi(
    createRoute({
      ...admin,
      method: "post",
      path: "/",
      summary: "Add a model to the catalogue",
      request: { body: jsonBody(ZCreateAiModelSchema) },
      responses: { 201: jsonContent(ZAiModelSchema, "The model as stored"), ...errorResponses(403, 409, 415) },
    }),
    async (c) =>
      c.json(
        shape(await createAiModel({ db: c.get("db"), sharedCache: c.get("sharedCache"), input: c.req.valid("json") })),
        201,
      ),
  )
  .openapi(
    createRoute({
      ...admin,
      method: "patch",
      path: "/{id}",
      summary: "Change a model's metadata, prices or availability (fields left out are kept)",
      request: { params: ZIdParamsSchema, body: jsonBody(ZUpdateAiModelSchema) },
      responses: { 200: jsonContent(ZAiModelSchema, "The model as stored"), ...errorResponses(403, 404, 409, 415) },
    }),
    async (c) =>
      c.json(
        shape(
          await updateAiModel({
            db: c.get("db"),
            sharedCache: c.get("sharedCache"),
            id: c.req.valid("param").id,
            input: c.req.valid("json"),
          }),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      ...admin,
      method: "delete",
      path: "/{id}",
      summary: "Remove a model from the catalogue (its past usage keeps its recorded cost)",
      request: { params: ZIdParamsSchema },
      responses: { 204: { description: "Removed" }, ...errorResponses(403, 404) },
    }),
    async (c) => {
      await deleteAiModel({ db: c.get("db"), sharedCache: c.get("sharedCache"), id: c.req.valid("param").id });
      return c.body(null, 204);
    },
  );
