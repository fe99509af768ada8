import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";

import { ZSessionSchema, ZSignInSchema, ZSignUpSchema, ZUserSchema } from "@cto/contracts/api/auth";
import { ZSignInChallengeSchema } from "@cto/contracts/api/two-factor";
import { toApiRow } from "@cto/contracts/rows";
import { User } from "@cto/contracts/tables";

import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import { createRouter, errorResponses, jsonContent, SECURITY } from "../lib/openapi.ts";
import { requireAuth, SESSION_COOKIE } from "../middleware/auth.ts";
import { completePendingLink } from "./oauth-cookies.ts";
import { requestedMailLocale } from "../lib/request-locale.ts";
import { newToken } from "../lib/tokens.ts";
import { signIn, signUp } from "../services/accounts.ts";
import { beginSignIn, beginSignUp, TRUSTED_BROWSER_MS, trustBrowser } from "../services/auth-limits.ts";
import { sendVerificationEmail } from "../services/email-verification.ts";
import { isNewDevice, sendNewDeviceEmail } from "../services/new-device.ts";
import { createSignInChallenge } from "../services/two-factor/challenges.ts";
import { secondFactorsOf } from "../services/two-factor/second-factor.ts";
import { createSession, currentSession, revokeSession, type TSignInMethod } from "../services/sessions.ts";

/** A user row as the API shows it (never the password hash). */
export const toApiUser = (user: Record<string, unknown>) => ZUserSchema.parse(toApiRow(User, user, ["passwordHash"]));

/** Marks a browser that signed in to an account, so others' failed sign-ins never lock it out (OWASP's device cookie). */
export const BROWSER_COOKIE = "cto_device";
export const browserToken = (c: Context<AppEnv>) => {
  const token = getCookie(c, BROWSER_COOKIE);
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
};

/** Signs the user in on this browser: a new session, its token only in an httpOnly cookie; the browser is trusted for this account. */
const startSession = async (
  c: Context<AppEnv>,
  user: { id: string; email: string },
  signInMethod: TSignInMethod = "PASSWORD",
) => {
  const config = c.get("config");
  const { token, absoluteExpiresAt } = await createSession({
    db: c.get("db"),
    config,
    userId: user.id,
    ipAddress: c.get("clientAddress"),
    userAgent: c.req.header("user-agent"),
    signInMethod,
    secondFactorAt: signInMethod === "PASSWORD" || signInMethod === "PROVIDER" ? null : new Date(),
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: config.secureCookies,
    path: "/",
    expires: absoluteExpiresAt,
  });
  const browser = browserToken(c) ?? newToken();
  await trustBrowser({ limiters: c.get("limits"), email: user.email, browserToken: browser });
  setCookie(c, BROWSER_COOKIE, browser, {
    httpOnly: true,
    sameSite: "Lax",
    secure: config.secureCookies,
    path: "/",
    maxAge: TRUSTED_BROWSER_MS / 1000,
  });
  return absoluteExpiresAt;
};

/**
 * The end of a sign-in (a password, with a second factor when the account has one): a session, and an
 * email through the mailer when the device is new to the account (services/new-device.ts). An account
 * made by this very sign-in (a provider's first one) has no devices yet, so it gets no such email, as
 * sign-up gets none.
 */
export const finishSignIn = async (
  c: Context<AppEnv>,
  user: { id: string; email: string; name: string | null } & Record<string, unknown>,
  method: TSignInMethod,
  { accountCreated = false }: { accountCreated?: boolean } = {},
) => {
  const ipAddress = c.get("clientAddress");
  const userAgent = c.req.header("user-agent");
  const db = c.get("db");
  const newDevice =
    !accountCreated &&
    (await isNewDevice({
      db,
      limiters: c.get("limits"),
      user,
      browserToken: browserToken(c),
      ipAddress,
      userAgent,
    }));
  const expiresAt = await startSession(c, user, method);
  // A provider identity waiting for this account's owner to sign in (routes/oauth.ts) is linked now.
  await completePendingLink(c, user.id);
  if (newDevice)
    await sendNewDeviceEmail({
      postman: c.get("postman"),
      webOrigin: c.get("config").webOrigin,
      user,
      ipAddress,
      userAgent,
      requestedLocale: requestedMailLocale(c),
    })
      // The sign-in stands whatever happens to the email.
      .catch((error: unknown) => c.get("logger").error({ err: error }, "new-device email not written at sign-in"));
  return { user: toApiUser(user), via: "session" as const, expiresAt: expiresAt.getTime() };
};

const signUpRoute = createRoute({
  method: "post",
  path: "/sign-up",
  tags: ["Auth"],
  security: [],
  summary: "Create an account and sign in; a link to verify the address is emailed",
  request: { body: { required: true, content: { "application/json": { schema: ZSignUpSchema } } } },
  responses: {
    201: jsonContent(ZSessionSchema, "Signed up and signed in (session cookie set)"),
    ...errorResponses(409, 415, 429),
  },
});
const signInRoute = createRoute({
  method: "post",
  path: "/sign-in",
  tags: ["Auth"],
  security: [],
  summary: "Sign in with email and password",
  description:
    "With two-factor on (an authenticator app or a passkey), a right password answers 202 with a challenge token instead of a session: send it with a code to POST /auth/sign-in/second-factor, or with a passkey's answer to POST /auth/sign-in/second-factor/passkey.",
  request: { body: { required: true, content: { "application/json": { schema: ZSignInSchema } } } },
  responses: {
    200: jsonContent(ZSessionSchema, "Signed in (a new session cookie)"),
    202: jsonContent(ZSignInChallengeSchema, "Password right; a second factor is needed (no session yet)"),
    ...errorResponses(415, 429),
  },
});
const signOutRoute = createRoute({
  method: "post",
  path: "/sign-out",
  tags: ["Auth"],
  summary: "Sign out: revoke this session",
  security: SECURITY,
  middleware: [requireAuth] as const,
  responses: { 204: { description: "Signed out" }, ...errorResponses(403) },
});
/**
 * `?optional=true`: nobody signed in is an answer (200 with null), not an error, for a client that asks
 * whether it is signed in (the web app on every start); a bad API key is still refused.
 */
const sessionAuth = createMiddleware<AppEnv>(async (c, next) => {
  let signedIn = false;
  try {
    await requireAuth(c, async () => {
      signedIn = true;
    });
  } catch (error) {
    const anonymous = error instanceof ApiError && error.code === "unauthorized" && !c.req.header("authorization");
    if (!(anonymous && c.req.query("optional") === "true")) throw error;
  }
  if (!signedIn) return c.json(null, 200);
  await next();
});
const sessionRoute = createRoute({
  method: "get",
  path: "/session",
  tags: ["Auth"],
  summary: "Who is signed in",
  security: SECURITY,
  middleware: [sessionAuth] as const,
  request: {
    query: z.object({
      optional: z
        .enum(["true", "false"])
        .default("false")
        .describe("true: answer 200 with null when nobody is signed in, instead of 401"),
    }),
  },
  responses: {
    200: jsonContent(
      ZSessionSchema.nullable(),
      "The signed-in user; null only with optional=true when nobody is signed in",
    ),
    ...errorResponses(),
  },
});

export const authRoutes = createRouter()
  .openapi(signUpRoute, async (c) => {
    const body = c.req.valid("json");
    const counted = await beginSignUp(c.get("limits"), c.get("clientAddress"));
    const user = await signUp({ db: c.get("db"), ...body }).catch(async (error: unknown) => {
      await counted.failed();
      throw error;
    });
    const expiresAt = await startSession(c, user);
    // The account stands whatever happens to its welcome mail; the user can ask for the link again.
    await sendVerificationEmail({
      db: c.get("db"),
      postman: c.get("postman"),
      webOrigin: c.get("config").webOrigin,
      user,
      requestedLocale: requestedMailLocale(c),
    }).catch((error: unknown) => c.get("logger").error({ err: error }, "verification email not written at sign-up"));
    return c.json({ user: toApiUser(user), via: "session" as const, expiresAt: expiresAt.getTime() }, 201);
  })
  .openapi(signInRoute, async (c) => {
    const body = c.req.valid("json");
    const attempt = await beginSignIn({ limiters: c.get("limits"), email: body.email, browserToken: browserToken(c) });
    const user = await signIn({ db: c.get("db"), ...body });
    await attempt.succeeded();
    const methods = await secondFactorsOf({ db: c.get("db") }, user.id);
    if (methods.length > 0) {
      const challenge = await createSignInChallenge({ db: c.get("db") }, user.id);
      return c.json(
        {
          status: "second_factor_required" as const,
          challengeToken: challenge.token,
          methods,
          expiresAt: challenge.expiresAt.getTime(),
        },
        202,
      );
    }
    return c.json(await finishSignIn(c, user, "PASSWORD"), 200);
  })
  .openapi(signOutRoute, async (c) => {
    const { sessionId } = c.get("auth");
    if (sessionId) await revokeSession({ db: c.get("db"), sessionId, cache: c.get("authCache") });
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.body(null, 204);
  })
  .openapi(sessionRoute, async (c) => {
    const auth = c.get("auth");
    const { user, expiresAt } = await currentSession({
      db: c.get("db"),
      userId: auth.userId,
      sessionId: auth.sessionId,
    });
    return c.json({ user: toApiUser(user), via: auth.via, expiresAt: expiresAt?.getTime() ?? null }, 200);
  });
