import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

import { CALENDAR_OAUTH_PROVIDERS, ZCalendarOAuthStartSchema } from "@cto/contracts/api/calendars";
import { zText } from "@cto/contracts/values";

import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import { createRouter, errorResponses, jsonContent, SECURITY } from "../lib/openapi.ts";
import { requireAuth } from "../middleware/auth.ts";
import { saveOAuthCalendar, type TCalendarFlowChecks, type TCalendarOAuth } from "../services/calendar-oauth.ts";

// Sealed with the secret box, as the sign-in flow's cookie: the browser can neither read the PKCE
// verifier nor forge a flow, and the flow names the account it was begun for.
const FLOW_COOKIE = "cto_calendar_oauth";
const FLOW_MS = 10 * 60_000;
type TFlow = { provider: string; userId: string; checks: TCalendarFlowChecks; expiresAt: number };

const ZProviderParamsSchema = z.object({
  provider: z.enum(CALENDAR_OAUTH_PROVIDERS).openapi({ param: { name: "provider", in: "path" }, example: "google" }),
});
const tags = ["Calendars"];

const saveFlow = (c: Context<AppEnv>, flow: Omit<TFlow, "expiresAt">) =>
  setCookie(c, FLOW_COOKIE, c.get("secrets").encrypt(JSON.stringify({ ...flow, expiresAt: Date.now() + FLOW_MS })), {
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level navigation from another site, which Strict would strip.
    sameSite: "Lax",
    secure: c.get("config").secureCookies,
    path: "/",
    maxAge: FLOW_MS / 1000,
  });

/** The flow this browser began, if intact and unexpired; spent by reading it, so a callback is answered once. */
const takeFlow = (c: Context<AppEnv>): TFlow | undefined => {
  const sealed = getCookie(c, FLOW_COOKIE);
  deleteCookie(c, FLOW_COOKIE, { path: "/" });
  if (!sealed) return undefined;
  try {
    const flow = JSON.parse(c.get("secrets").decrypt(sealed)) as TFlow;
    return typeof flow.expiresAt === "number" && flow.expiresAt > Date.now() ? flow : undefined;
  } catch {
    return undefined;
  }
};

/** Why a connect did not finish, for the Settings page to word (never text from the URL, which anyone can write). */
const reasonOf = (error: ApiError) =>
  error.code === "invalid_state" ? "limit" : error.code === "service_unavailable" ? "unavailable" : "failed";

/** Connecting Google and Microsoft 365 calendars: the OAuth flow's start and the provider's way back. */
export const calendarOAuthRoutes = (calendarOAuth: TCalendarOAuth) =>
  createRouter()
    .openapi(
      createRoute({
        method: "post",
        path: "/oauth/{provider}/start",
        tags,
        security: SECURITY,
        middleware: [requireAuth] as const,
        request: { params: ZProviderParamsSchema },
        summary: "Connect a Google or Microsoft 365 calendar: answers where to send the browser",
        description:
          "Only in a signed-in browser (not with an API key). The state and PKCE verifier stay in a sealed, httpOnly cookie of ten minutes; the provider asks the user to let Cto read their calendars. 404 when the provider is not set up on this server (GET /calendars lists those that are).",
        responses: {
          200: jsonContent(ZCalendarOAuthStartSchema, "Send the browser there"),
          ...errorResponses(403, 404),
        },
      }),
      async (c) => {
        const { via, userId } = c.get("auth");
        if (via !== "session") throw new ApiError("forbidden", "Calendars are connected in a signed-in browser.");
        const { provider } = c.req.valid("param");
        const { url, checks } = await calendarOAuth.begin(provider);
        saveFlow(c, { provider, userId, checks });
        return c.json({ url }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/oauth/{provider}/callback",
        tags,
        security: [],
        summary: "Where Google or Microsoft sends the browser back",
        description:
          "Checks the state against the flow this browser began, exchanges the code with the PKCE verifier, stores the tokens encrypted and queues a first sync; then sends the browser to /settings?calendar=connected. A state that is missing, forged or already used, or a code the provider refuses, is a 400 and stores nothing. A refusal at the provider (the user cancelled) or a limit sends the browser to /settings?calendar_error=<reason>.",
        request: {
          params: ZProviderParamsSchema,
          query: z.object({
            state: zText().max(512).optional(),
            code: zText().max(4096).optional(),
            error: zText().max(200).optional(),
            error_description: zText().max(2000).optional(),
            scope: zText().max(2000).optional(),
            iss: zText().max(512).optional(),
            session_state: zText().max(512).optional(),
            authuser: zText().max(20).optional(),
            prompt: zText().max(100).optional(),
            hd: zText().max(255).optional(),
          }),
        },
        responses: {
          302: { description: "Back to the web app's Settings" },
          ...errorResponses(400),
        },
      }),
      async (c) => {
        const { provider } = c.req.valid("param");
        const query = new URL(c.req.url).searchParams;
        const flow = takeFlow(c);
        if (!flow || flow.provider !== provider || query.get("state") !== flow.checks.state)
          throw new ApiError(
            "bad_request",
            "This calendar connection was not started in this browser, was already finished, or took too long; start again from Settings.",
          );
        const settings = `${c.get("config").webOrigin}/settings`;
        if (query.has("error")) return c.redirect(`${settings}?calendar_error=cancelled#connections`, 302);
        try {
          const { tokens, account } = await calendarOAuth.complete(provider, query, flow.checks);
          await saveOAuthCalendar({
            db: c.get("db"),
            secrets: c.get("secrets"),
            queues: c.get("queues"),
            userId: flow.userId,
            settings: calendarOAuth.find(provider),
            tokens,
            account,
          });
        } catch (error) {
          // A code the provider refused is the request's fault (400); an outage or a limit goes back to Settings.
          if (!(error instanceof ApiError) || error.code === "bad_request") throw error;
          c.get("logger").warn({ provider, code: error.code, reason: error.message }, "calendar connection refused");
          return c.redirect(`${settings}?calendar_error=${reasonOf(error)}#connections`, 302);
        }
        return c.redirect(`${settings}?calendar=connected#connections`, 302);
      },
    );
