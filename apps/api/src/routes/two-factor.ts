import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";

import { ZSessionSchema } from "@cto/contracts/api/auth";
import {
  ZCompleteSignInSchema,
  ZConfirmTotpSchema,
  ZRecoveryCodesSchema,
  ZSecondFactorProofSchema,
  ZStepUpSchema,
  ZTotpEnrolmentSchema,
  ZTwoFactorStatusSchema,
} from "@cto/contracts/api/two-factor";

import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import { createRouter, errorResponses, jsonContent, SECURITY } from "../lib/openapi.ts";
import { requireAuth } from "../middleware/auth.ts";
import { completeSignInChallenge } from "../services/two-factor/challenges.ts";
import {
  confirmTotp,
  disableTotp,
  regenerateRecoveryCodes,
  startTotpEnrolment,
  stepUp,
  twoFactorStatus,
} from "../services/two-factor/settings.ts";
import { finishSignIn } from "./auth.ts";

const json = <T>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });
const deps = (c: Context<AppEnv>) => ({ db: c.get("db"), secrets: c.get("secrets"), limiters: c.get("limits") });

/** Two-factor settings are a signed-in person's, in the web app: an API key cannot read or change them. */
const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("auth").via !== "session")
    throw new ApiError("forbidden", "Two-factor settings need a signed-in session, not an API key.");
  await next();
});
const common = { tags: ["Two-factor"], security: SECURITY, middleware: [requireAuth, requireSession] };
const session = (c: Context<AppEnv>) => {
  const { userId, sessionId } = c.get("auth");
  return { userId, sessionId: sessionId! };
};

export const twoFactorRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/sign-in/second-factor",
      tags: ["Auth"],
      security: [],
      summary: "Finish a sign-in with a code from the authenticator app or a recovery code",
      description:
        "The challenge token of POST /auth/sign-in's 202 is good for five minutes and one sign-in; five wrong codes spend it. Wrong codes count against the account's limit (429 past it), as wrong passwords do.",
      request: json(ZCompleteSignInSchema),
      responses: { 200: jsonContent(ZSessionSchema, "Signed in (a new session cookie)"), ...errorResponses(415, 429) },
    }),
    async (c) => {
      const { challengeToken, ...proof } = c.req.valid("json");
      const { user, method } = await completeSignInChallenge(deps(c), challengeToken, proof);
      return c.json(await finishSignIn(c, user, method), 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/two-factor",
      summary:
        "Whether two-factor sign-in is on, recovery codes left, and until when this session may take sensitive actions",
      responses: { 200: jsonContent(ZTwoFactorStatusSchema, "Two-factor status"), ...errorResponses(403) },
    }),
    async (c) => {
      const { userId, sessionId } = session(c);
      return c.json(await twoFactorStatus(deps(c), userId, sessionId), 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/two-factor/totp",
      summary: "Start setting up an authenticator app: a new secret and its otpauth:// URI (off until confirmed)",
      responses: {
        201: jsonContent(ZTotpEnrolmentSchema, "Scan or type it, then confirm"),
        ...errorResponses(403, 409),
      },
    }),
    async (c) => {
      return c.json(await startTotpEnrolment(deps(c), session(c).userId), 201);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/two-factor/totp/confirm",
      summary: "Turn two-factor on with a first code; answers the recovery codes, shown this once",
      request: json(ZConfirmTotpSchema),
      responses: { 200: jsonContent(ZRecoveryCodesSchema, "On"), ...errorResponses(403, 409, 415, 429) },
    }),
    async (c) => {
      const { userId, sessionId } = session(c);
      const codes = await confirmTotp(deps(c), userId, c.req.valid("json").code, sessionId);
      return c.json({ recoveryCodes: codes }, 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/two-factor/totp/disable",
      summary: "Turn two-factor off (a code or a recovery code first)",
      request: json(ZSecondFactorProofSchema),
      responses: { 204: { description: "Off" }, ...errorResponses(403, 409, 415, 429) },
    }),
    async (c) => {
      await disableTotp(deps(c), session(c).userId, c.req.valid("json"));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/two-factor/recovery-codes",
      summary: "Replace the recovery codes (a code first); the old ones stop working",
      request: json(ZSecondFactorProofSchema),
      responses: {
        200: jsonContent(ZRecoveryCodesSchema, "The new codes, this once"),
        ...errorResponses(403, 409, 415, 429),
      },
    }),
    async (c) => {
      const codes = await regenerateRecoveryCodes(deps(c), session(c).userId, c.req.valid("json"));
      return c.json({ recoveryCodes: codes }, 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/two-factor/verify",
      summary: "Prove a second factor on this session, for sensitive actions in the next ten minutes",
      request: json(ZSecondFactorProofSchema),
      responses: { 200: jsonContent(ZStepUpSchema, "Proven"), ...errorResponses(403, 409, 415, 429) },
    }),
    async (c) => {
      const { userId, sessionId } = session(c);
      const until = await stepUp(deps(c), userId, sessionId, c.req.valid("json"));
      return c.json({ stepUpUntil: until.getTime() }, 200);
    },
  );
