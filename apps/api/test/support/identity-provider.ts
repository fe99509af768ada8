import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// @ts-expect-error oidc-provider ships no types; this module uses a handful of its calls.
import Provider from "oidc-provider";

import { createOAuthProviders, type TProviderSettings } from "../../src/services/oauth/providers.ts";

/** An account at the test provider, as its id token and userinfo tell it. */
export type TTestAccount = { email: string; email_verified: boolean; name?: string };

type TGrant = { addOIDCScope: (scope: string) => void; save: () => Promise<string> };
type TProvider = {
  callback: () => (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails: (
    req: IncomingMessage,
    res: ServerResponse,
  ) => Promise<{ uid: string; params: Record<string, unknown> }>;
  interactionFinished: (req: IncomingMessage, res: ServerResponse, result: object, options: object) => Promise<void>;
};

export const TEST_PROVIDER = {
  id: "test",
  name: "Test ID",
  clientId: "cto",
  clientSecret: "a-client-secret-for-tests",
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The provider's own sign-in page: a person types the account's name (its subject), or cancels. */
const loginPage = (uid: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test ID: sign in</title></head>
<body><main><h1>Sign in to Test ID</h1>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label>Account <input name="account" autocomplete="username" required></label>
<button type="submit">Sign in</button>
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit">Cancel</button></form>
</main></body></html>`;

const formBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
};

/**
 * A real OpenID provider (the `oidc-provider` package) on 127.0.0.1, for the API's tests and the web
 * app's e2e. Its accounts are the `accounts` map, keyed by subject. Sign-in is its interaction: an
 * authorization request with `login_hint` signs that account in at once (tests that follow redirects
 * without a browser); otherwise the provider shows a sign-in page where a person (Chromium) types the
 * account and submits, or cancels (the client gets `access_denied`). Consent is taken as given, as a
 * provider's first-party client would have it. Only `redirectUris` may come back with a code.
 */
export const startTestIdentityProvider = async ({ callbackBaseUrl }: { callbackBaseUrl: string }) => {
  const accounts = new Map<string, TTestAccount>();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const callbackUrl = `${callbackBaseUrl.replace(/\/$/, "")}/auth/oauth/${TEST_PROVIDER.id}/callback`;
  const provider: TProvider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_PROVIDER.clientId,
        client_secret: TEST_PROVIDER.clientSecret,
        redirect_uris: [callbackUrl],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    cookies: { keys: [randomBytes(16).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The id token carries the email claims, as Google's does.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    findAccount: (_ctx: unknown, sub: string) => ({ accountId: sub, claims: () => ({ sub, ...accounts.get(sub) }) }),
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    loadExistingGrant: async (ctx: {
      oidc: {
        provider: { Grant: new (init: object) => TGrant };
        client: { clientId: string };
        session: { accountId: string };
      };
    }) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();
  const finish = (req: IncomingMessage, res: ServerResponse, result: object) =>
    provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  const interaction = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    if (req.method === "GET") {
      if (typeof details.params.login_hint === "string")
        return finish(req, res, { login: { accountId: details.params.login_hint } });
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(details.uid));
      return;
    }
    if (req.url?.endsWith("/abort"))
      return finish(req, res, { error: "access_denied", error_description: "The person cancelled." });
    const account = (await formBody(req)).get("account") ?? "";
    if (!accounts.has(account)) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(details.uid));
      return;
    }
    return finish(req, res, { login: { accountId: account } });
  };
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith("/interaction/")) return handle(req, res);
    interaction(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    });
  });

  let counter = 0;
  const settings: TProviderSettings = {
    id: TEST_PROVIDER.id,
    name: TEST_PROVIDER.name,
    kind: "oidc",
    issuer,
    clientId: TEST_PROVIDER.clientId,
    clientSecret: TEST_PROVIDER.clientSecret,
    allowInsecure: true,
  };
  return {
    issuer,
    callbackUrl,
    accounts,
    /** The API's providers: this one alone, its callback under `callbackBaseUrl`. */
    oauthProviders: () => createOAuthProviders([settings], callbackBaseUrl),
    /** A new account at the provider (a verified address of its own unless told otherwise): its subject and address. */
    newAccount: (account: Partial<TTestAccount> = {}) => {
      const sub = `sub-${Date.now()}-${counter++}`;
      accounts.set(sub, { email: `${sub}@example.com`, email_verified: true, name: "Ada", ...account });
      return { sub, email: accounts.get(sub)!.email };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

export type TTestIdentityProvider = Awaited<ReturnType<typeof startTestIdentityProvider>>;
