import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";

import { ZIdentityProviderListSchema, ZLinkedIdentityListSchema, ZLinkStartSchema } from "@cto/contracts/api/oauth";

import { zText } from "@cto/contracts/values";

import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import { createRouter, errorResponses, jsonContent, SECURITY, ZIdParamsSchema } from "../lib/openapi.ts";
import { requireAuth, SESSION_COOKIE } from "../middleware/auth.ts";
import { completeCallback, refusalReason, type TCallbackOutcome } from "../services/oauth/callback.ts";
import { listIdentities, unlinkIdentity } from "../services/oauth/identities.ts";
import type { TOAuthProviders } from "../services/oauth/providers.ts";
import { finishSignIn } from "./auth.ts";
import { saveFlow, savePendingLink, takeFlow } from "./oauth-cookies.ts";

const ZProviderParamsSchema = z.object({
  provider: zText()
    .max(40)
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "a provider id: lowercase letters, digits and -")
    .openapi({ param: { name: "provider", in: "path" }, example: "google" }),
});
const redirect = { 302: { description: "To the provider, or back to the web app" } };
const tags = ["Auth"];

/** Only a signed-in browser manages its sign-in methods: an API key cannot link or unlink them. */
const sessionOnly = (c: Context<AppEnv>) => {
  const { via, userId } = c.get("auth");
  if (via !== "session") throw new ApiError("forbidden", "Sign-in methods are managed in a signed-in browser.");
  return userId;
};

/** The browser's way on from a callback's outcome: the cookies it needs and the page it lands on. */
const landOn = async (c: Context<AppEnv>, outcome: TCallbackOutcome) => {
  const web = c.get("config").webOrigin;
  switch (outcome.kind) {
    case "linked":
      return c.redirect(`${web}/settings?linked=${outcome.provider}`, 302);
    case "challenge":
      // In the fragment, which never reaches a server or its logs; the page asks for the code with it.
      return c.redirect(`${web}/sign-in#challenge=${outcome.token}`, 302);
    case "session":
      await finishSignIn(c, outcome.user, "PROVIDER", { accountCreated: outcome.created });
      return c.redirect(`${web}/`, 302);
    case "pending_link": {
      const { provider, subject, userId, email } = outcome;
      savePendingLink(c, { provider, subject, userId });
      return c.redirect(`${web}/sign-in?${new URLSearchParams({ link: provider, email })}`, 302);
    }
  }
};

export const oauthRoutes = (providers: TOAuthProviders) => {
  /** A flow begun in this browser (a sign-in, or a link to `linkTo`'s account): the provider's URL to go to. */
  const beginFlow = async (c: Context<AppEnv>, provider: string, linkTo: string | null) => {
    const { url, checks } = await providers.begin(provider);
    saveFlow(c, { provider, checks, linkTo });
    return url;
  };
  return createRouter()
    .openapi(
      createRoute({
        method: "get",
        path: "/providers",
        tags,
        security: [],
        summary: "The identity providers one can sign in with",
        responses: { 200: jsonContent(ZIdentityProviderListSchema, "Configured providers (no secrets)") },
      }),
      (c) => c.json({ providers: providers.list() }, 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/oauth/{provider}/start",
        tags,
        security: [],
        summary: "Sign in with a provider: redirects to it",
        description:
          "A browser navigation. The state, nonce and PKCE verifier stay in a sealed, httpOnly cookie of ten minutes.",
        request: { params: ZProviderParamsSchema },
        responses: { ...redirect, ...errorResponses(404) },
      }),
      async (c) => c.redirect(await beginFlow(c, c.req.valid("param").provider, null), 302),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/oauth/{provider}/link",
        tags,
        security: SECURITY,
        middleware: [requireAuth] as const,
        summary: "Link a provider to this account: answers where to send the browser",
        request: { params: ZProviderParamsSchema },
        responses: { 200: jsonContent(ZLinkStartSchema, "Send the browser there"), ...errorResponses(403, 404) },
      }),
      async (c) => {
        const userId = sessionOnly(c);
        return c.json({ url: await beginFlow(c, c.req.valid("param").provider, userId) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/oauth/{provider}/callback",
        tags,
        security: [],
        summary: "Where the provider sends the browser back",
        description:
          "Checks the state against this browser's flow, exchanges the code with the PKCE verifier and checks the id token's nonce; then signs in, creates the account (a verified address nobody has), or waits for the owner of the address's account to sign in before linking. A refusal sends the browser back to /sign-in (or /settings when linking) with ?provider_error=<reason>.",
        request: {
          params: ZProviderParamsSchema,
          // What the provider sends back; the exchange reads the whole query (iss included) as it arrived.
          query: z.object({
            state: zText().max(512).optional(),
            code: zText().max(2048).optional(),
            error: zText().max(200).optional(),
            iss: zText().max(512).optional(),
          }),
        },
        // A refusal is a redirect too (?provider_error=); only a malformed request answers an error body.
        responses: { ...redirect, ...errorResponses() },
      }),
      async (c) => {
        const { provider } = c.req.valid("param");
        const query = new URL(c.req.url).searchParams;
        const flow = takeFlow(c);
        try {
          const deps = { db: c.get("db"), config: c.get("config"), providers, authCache: c.get("authCache") };
          const sessionToken = getCookie(c, SESSION_COOKIE);
          return await landOn(c, await completeCallback(deps, { provider, query, flow, sessionToken }));
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          // A browser navigation: back to the page it came from, with a reason the page words itself (never
          // text from the URL, which anyone can write). The details stay in the log.
          const linking = Boolean(flow?.linkTo);
          c.get("logger").warn({ provider, code: error.code, reason: error.message }, "provider sign-in refused");
          const page = linking ? "settings" : "sign-in";
          return c.redirect(
            `${c.get("config").webOrigin}/${page}?provider_error=${refusalReason(error, linking)}`,
            302,
          );
        }
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/identities",
        tags,
        security: SECURITY,
        middleware: [requireAuth] as const,
        summary: "The providers linked to this account",
        responses: { 200: jsonContent(ZLinkedIdentityListSchema, "Linked providers"), ...errorResponses(403) },
      }),
      async (c) => {
        const { hasPassword, identities } = await listIdentities(c.get("db"), sessionOnly(c));
        const names = new Map(providers.list().map((provider) => [provider.id, provider.name]));
        return c.json(
          {
            hasPassword,
            identities: identities.map((identity) => ({
              id: identity.id,
              provider: identity.provider,
              providerName: names.get(identity.provider) ?? identity.provider,
              createdAt: identity.createdAt.getTime(),
            })),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "delete",
        path: "/identities/{id}",
        tags,
        security: SECURITY,
        middleware: [requireAuth] as const,
        summary: "Unlink a provider (409 if it is the last way to sign in)",
        request: { params: ZIdParamsSchema },
        responses: { 204: { description: "Unlinked" }, ...errorResponses(403, 404, 409) },
      }),
      async (c) => {
        await unlinkIdentity(c.get("db"), sessionOnly(c), c.req.valid("param").id);
        return c.body(null, 204);
      },
    );
};
