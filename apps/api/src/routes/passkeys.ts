import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";

import { ZSessionSchema } from "@cto/contracts/api/auth";
import {
  ZPasskeyAssertionSchema,
  ZPasskeyAuthenticationOptionsSchema,
  ZPasskeyListSchema,
  ZPasskeyRegistrationOptionsSchema,
  ZPasskeySchema,
  ZPasskeySecondFactorOptionsRequestSchema,
  ZPasskeySecondFactorSchema,
  ZRegisterPasskeySchema,
  ZRenamePasskeySchema,
} from "@cto/contracts/api/passkeys";
import { ZStepUpSchema } from "@cto/contracts/api/two-factor";
import { toApiTimestamp } from "@cto/contracts/boundary";

import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../lib/openapi.ts";
import { requireAuth } from "../middleware/auth.ts";
import { requireRecentSecondFactor } from "../middleware/second-factor.ts";
import {
  completeSignInWithPasskey,
  passkeySecondFactorOptions,
  passkeySignInOptions,
  passkeyStepUpOptions,
  signInWithPasskey,
  stepUpWithPasskey,
} from "../services/passkeys/authentication.ts";
import { deletePasskey, listPasskeys, renamePasskey } from "../services/passkeys/manage.ts";
import { passkeyRegistrationOptions, registerPasskey, transportsOf } from "../services/passkeys/registration.ts";
import { relyingPartyOf } from "../services/passkeys/relying-party.ts";
import { browserToken, finishSignIn } from "./auth.ts";

const json = <T>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });
// The relying party comes from WEB_ORIGIN, never from the request.
const deps = (c: Context<AppEnv>) => ({
  db: c.get("db"),
  limiters: c.get("limits"),
  relyingParty: relyingPartyOf(c.get("config").webOrigin),
});

/** Passkeys are a signed-in person's, in the web app: an API key can neither list nor change them. */
const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get("auth").via !== "session")
    throw new ApiError("forbidden", "Passkeys need a signed-in session, not an API key.");
  await next();
});
const common = { tags: ["Passkeys"], security: SECURITY, middleware: [requireAuth, requireSession] };
const sensitive = [requireAuth, requireSession, requireRecentSecondFactor];
const session = (c: Context<AppEnv>) => {
  const { userId, sessionId } = c.get("auth");
  return { userId, sessionId: sessionId! };
};

type TPasskeyRow = {
  id: string;
  name: string | null;
  credentialDeviceType: string;
  credentialBackedUp: boolean;
  transports: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
};
const toApiPasskey = (row: TPasskeyRow) =>
  ZPasskeySchema.parse({
    id: row.id,
    name: row.name,
    deviceType: row.credentialDeviceType,
    backedUp: row.credentialBackedUp,
    transports: transportsOf(row),
    createdAt: toApiTimestamp(row.createdAt),
    lastUsedAt: toApiTimestamp(row.lastUsedAt),
  });

const requestOptions = (options: unknown) => ZPasskeyAuthenticationOptionsSchema.parse(options);
const signInOptions = { 200: jsonContent(ZPasskeyAuthenticationOptionsSchema, "Pass to startAuthentication()") };

export const passkeyRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/sign-in/passkey/options",
      tags: ["Auth"],
      security: [],
      summary: "Start a sign-in with a passkey alone (no email, no password): WebAuthn request options",
      responses: { ...signInOptions, ...errorResponses(429) },
    }),
    async (c) => c.json(requestOptions(await passkeySignInOptions(deps(c))), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/sign-in/passkey",
      tags: ["Auth"],
      security: [],
      summary: "Finish a sign-in with a passkey alone: the browser's signed answer to the options",
      description:
        "The passkey must verify its user (PIN, biometrics). The options' challenge works once, for five minutes; a refused answer is a 400 and counts against the account's sign-in limit as a wrong password does.",
      request: json(ZPasskeyAssertionSchema),
      responses: { 200: jsonContent(ZSessionSchema, "Signed in (a new session cookie)"), ...errorResponses(415, 429) },
    }),
    async (c) => {
      const user = await signInWithPasskey(deps(c), c.req.valid("json").response, browserToken(c));
      return c.json(await finishSignIn(c, user, "PASSKEY"), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/sign-in/second-factor/passkey/options",
      tags: ["Auth"],
      security: [],
      summary: "WebAuthn request options for the second step of a sign-in, with one of the account's passkeys",
      request: json(ZPasskeySecondFactorOptionsRequestSchema),
      responses: { ...signInOptions, ...errorResponses(409, 415, 429) },
    }),
    async (c) => {
      const options = await passkeySecondFactorOptions(deps(c), c.req.valid("json").challengeToken);
      return c.json(requestOptions(options), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/sign-in/second-factor/passkey",
      tags: ["Auth"],
      security: [],
      summary: "Finish a sign-in with a passkey as the second factor",
      description:
        "With the challenge token of POST /auth/sign-in's 202 (or a provider's sign-in): the token works once. A refused answer counts as a wrong code.",
      request: json(ZPasskeySecondFactorSchema),
      responses: { 200: jsonContent(ZSessionSchema, "Signed in (a new session cookie)"), ...errorResponses(415, 429) },
    }),
    async (c) => {
      const { challengeToken, response } = c.req.valid("json");
      const { user, method } = await completeSignInWithPasskey(deps(c), challengeToken, response);
      return c.json(await finishSignIn(c, user, method), 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/passkeys",
      summary: "Your passkeys (never their keys)",
      responses: { 200: jsonContent(ZPasskeyListSchema, "Oldest first"), ...errorResponses(403) },
    }),
    async (c) => c.json({ items: (await listPasskeys(c.get("db"), session(c).userId)).map(toApiPasskey) }, 200),
  )
  .openapi(
    createRoute({
      ...common,
      middleware: sensitive,
      method: "post",
      path: "/passkeys/options",
      summary: "Start adding a passkey: WebAuthn creation options (with two-factor on, after a recent second factor)",
      responses: {
        200: jsonContent(ZPasskeyRegistrationOptionsSchema, "Pass to startRegistration()"),
        ...errorResponses(403, 409),
      },
    }),
    async (c) => {
      const { userId, sessionId } = session(c);
      const options = await passkeyRegistrationOptions(deps(c), userId, sessionId);
      return c.json(ZPasskeyRegistrationOptionsSchema.parse(options), 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/passkeys",
      summary: "Add a passkey: the browser's answer to this session's creation options",
      request: json(ZRegisterPasskeySchema),
      responses: { 201: jsonContent(ZPasskeySchema, "Added"), ...errorResponses(403, 409, 415) },
    }),
    async (c) => {
      const { userId, sessionId } = session(c);
      return c.json(toApiPasskey(await registerPasskey(deps(c), userId, sessionId, c.req.valid("json"))), 201);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "patch",
      path: "/passkeys/{id}",
      summary: "Rename a passkey",
      request: { params: ZIdParamsSchema, ...json(ZRenamePasskeySchema) },
      responses: { 200: jsonContent(ZPasskeySchema, "Renamed"), ...errorResponses(403, 404, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const row = await renamePasskey(c.get("db"), session(c).userId, id, c.req.valid("json").name);
      return c.json(toApiPasskey(row), 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      middleware: sensitive,
      method: "delete",
      path: "/passkeys/{id}",
      summary:
        "Delete a passkey (with two-factor on, after a recent second factor; 409 if it is the last way to sign in)",
      request: { params: ZIdParamsSchema },
      responses: { 204: { description: "Deleted" }, ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      await deletePasskey(c.get("db"), session(c).userId, c.req.valid("param").id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/two-factor/passkey/options",
      summary: "WebAuthn request options for proving a passkey on this session (a step-up)",
      responses: { ...signInOptions, ...errorResponses(403, 409) },
    }),
    async (c) => {
      const { userId, sessionId } = session(c);
      return c.json(requestOptions(await passkeyStepUpOptions(deps(c), userId, sessionId)), 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/two-factor/passkey",
      summary: "Prove a passkey on this session, for sensitive actions in the next ten minutes",
      request: json(ZPasskeyAssertionSchema),
      responses: { 200: jsonContent(ZStepUpSchema, "Proven"), ...errorResponses(403, 415, 429) },
    }),
    async (c) => {
      const { userId, sessionId } = session(c);
      const until = await stepUpWithPasskey(deps(c), userId, sessionId, c.req.valid("json").response);
      return c.json({ stepUpUntil: until.getTime() }, 200);
    },
  );
