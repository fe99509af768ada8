import { createRoute } from "@hono/zod-openapi";

import {
  ZModelPreferenceSchema,
  ZPutModelPreferenceSchema,
  ZPutUserContextSchema,
  ZUserContextSchema,
} from "@cto/contracts/api/coaching";
import { ZCompleteProfileSchema } from "@cto/contracts/api/profile";
import { toApiRow } from "@cto/contracts/rows";
import { TelegramConnection, UserContext } from "@cto/contracts/tables";

import { createRouter, errorResponses, jsonContent, SECURITY } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth.ts";
import {
  getModelPreference,
  getUserContext,
  putUserContext,
  setModelPreference,
} from "../../services/coaching/profile.ts";
import { getCompleteProfile } from "../../services/complete-profile.ts";
import { toApiUser } from "../auth.ts";
import { depsOf } from "../deps.ts";

const common = { tags: ["Profile"], security: SECURITY, middleware: requireAuth };
const jsonBody = <T>(schema: T) => ({ required: true, content: { "application/json": { schema } } });

/** 004's personalisation profile (1:1 with the user) and the user's chat model choice. */
export const profileRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/profile",
      summary: "Your complete profile in one request: you, your context profile and your Telegram link",
      responses: {
        200: jsonContent(ZCompleteProfileSchema, "GET /me, /me/context and /telegram together"),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const { userContext, telegramConnection, ...user } = await getCompleteProfile({
        db: c.get("db"),
        userId: c.get("auth").userId,
      });
      return c.json(
        {
          user: toApiUser(user),
          context: userContext ? toApiRow(UserContext, userContext, ["userId"]) : null,
          telegram: telegramConnection
            ? toApiRow(TelegramConnection, telegramConnection, ["userId", "connectionToken"])
            : null,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/context",
      summary: "Your context profile (what the assistant knows about you)",
      responses: {
        200: jsonContent(ZUserContextSchema.nullable(), "Your profile, or null before the first PUT /me/context"),
        ...errorResponses(),
      },
    }),
    async (c) => {
      const context = await getUserContext({
        db: c.get("db"),
        userId: c.get("auth").userId,
        sharedCache: c.get("sharedCache"),
      });
      // Nothing told yet is an answer, not a missing resource: a new user's settings page reads this.
      return c.json(context ? toApiRow(UserContext, context, ["userId"]) : null, 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "put",
      path: "/context",
      summary: "Create or replace your context profile (fields left out are cleared)",
      request: { body: jsonBody(ZPutUserContextSchema) },
      responses: { 200: jsonContent(ZUserContextSchema, "Your profile as stored"), ...errorResponses(403, 415) },
    }),
    async (c) => {
      const context = await putUserContext({ ...depsOf(c), userId: c.get("auth").userId, input: c.req.valid("json") });
      return c.json(toApiRow(UserContext, context, ["userId"]), 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/model",
      summary: "Your current chat model and preferred models",
      responses: { 200: jsonContent(ZModelPreferenceSchema, "Your model preference"), ...errorResponses() },
    }),
    async (c) => c.json(await getModelPreference({ db: c.get("db"), userId: c.get("auth").userId }), 200),
  )
  .openapi(
    createRoute({
      ...common,
      method: "put",
      path: "/model",
      summary: "Set your current chat model (null: platform default) and preferred models",
      request: { body: jsonBody(ZPutModelPreferenceSchema) },
      responses: {
        200: jsonContent(ZModelPreferenceSchema, "Your model preference as stored"),
        ...errorResponses(403, 415),
      },
    }),
    async (c) =>
      c.json(
        await setModelPreference({ db: c.get("db"), userId: c.get("auth").userId, input: c.req.valid("json") }),
        200,
      ),
  );
