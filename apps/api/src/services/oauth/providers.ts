import * as oidc from "openid-client";

import { ApiError } from "../../errors.ts";

/**
 * One identity provider: an OpenID Connect issuer (Google, Okta, Keycloak…, found by discovery), or
 * GitHub, which speaks OAuth 2.0 without OpenID Connect (no id token: the user comes from its API).
 */
export type TProviderSettings = {
  id: string;
  name: string;
  kind: "oidc" | "github";
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** GitHub's REST API (`https://api.github.com`; GitHub Enterprise Server's is `https://<host>/api/v3`). */
  apiUrl?: string;
  /** Plain-http issuers (the tests' provider on 127.0.0.1); never from the environment. */
  allowInsecure?: boolean;
};

/** Who the provider says signed in. `emailVerified` false means the address proves nothing. */
export type TIdentity = { subject: string; email: string | null; emailVerified: boolean; name: string | null };

/** What the browser keeps (sealed) between the redirect to the provider and its way back. */
export type TFlowChecks = { state: string; nonce: string; verifier: string };

/** GitHub's OAuth endpoints under its web address (github.com, or a GitHub Enterprise Server's). */
const githubMetadata = (webUrl: string): oidc.ServerMetadata => {
  const base = webUrl.replace(/\/$/, "");
  return {
    issuer: base,
    authorization_endpoint: `${base}/login/oauth/authorize`,
    token_endpoint: `${base}/login/oauth/access_token`,
  };
};
export const GITHUB_API_URL = "https://api.github.com";

export type TOAuthProviders = ReturnType<typeof createOAuthProviders>;

/** The configured providers; each one's discovery document is fetched once, when it is first used. */
export const createOAuthProviders = (providers: TProviderSettings[], callbackBaseUrl: string) => {
  const configurations = new Map<string, Promise<oidc.Configuration>>();
  const discover = (settings: TProviderSettings) => {
    const options = settings.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : undefined;
    if (settings.kind === "github") {
      const metadata = githubMetadata(settings.issuer);
      const configuration = new oidc.Configuration(metadata, settings.clientId, settings.clientSecret);
      if (settings.allowInsecure) oidc.allowInsecureRequests(configuration);
      return Promise.resolve(configuration);
    }
    return oidc.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, options);
  };
  const configurationOf = (settings: TProviderSettings) => {
    let configuration = configurations.get(settings.id);
    if (!configuration) {
      // A failed discovery is retried on the next use instead of being remembered.
      configuration = discover(settings).catch((error: unknown) => {
        configurations.delete(settings.id);
        throw Object.assign(
          new ApiError("service_unavailable", `${settings.name} cannot be reached right now; try again later.`),
          { cause: error },
        );
      });
      configurations.set(settings.id, configuration);
    }
    return configuration;
  };
  const find = (id: string) => {
    const settings = providers.find((provider) => provider.id === id);
    if (!settings) throw new ApiError("not_found", `No sign-in provider "${id}" is configured.`);
    return settings;
  };
  const redirectUri = (id: string) => `${callbackBaseUrl.replace(/\/$/, "")}/auth/oauth/${id}/callback`;

  return {
    list: () => providers.map(({ id, name, kind }) => ({ id, name, kind })),
    find,
    /** The provider's authorization URL for a new flow, and the checks its callback must meet (PKCE, state, nonce). */
    begin: async (id: string) => {
      const settings = find(id);
      const configuration = await configurationOf(settings);
      const checks: TFlowChecks = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier: oidc.randomPKCECodeVerifier(),
      };
      const url = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri(id),
        scope: settings.kind === "github" ? "read:user user:email" : "openid email profile",
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.verifier),
        code_challenge_method: "S256",
        state: checks.state,
        ...(settings.kind === "oidc" ? { nonce: checks.nonce } : {}),
      });
      return { url: url.toString(), checks };
    },
    /**
     * Exchanges the callback's code (with the PKCE verifier) and checks the state and the id token
     * (signature, issuer, audience, expiry, nonce). Anything wrong, a reused code included, is a 400.
     */
    complete: async (id: string, query: URLSearchParams, checks: TFlowChecks): Promise<TIdentity> => {
      const settings = find(id);
      const configuration = await configurationOf(settings);
      const callbackUrl = new URL(redirectUri(id));
      callbackUrl.search = query.toString();
      try {
        const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
          pkceCodeVerifier: checks.verifier,
          expectedState: checks.state,
          ...(settings.kind === "oidc" ? { expectedNonce: checks.nonce, idTokenExpected: true } : {}),
        });
        if (settings.kind === "github")
          return await githubIdentity(settings.apiUrl ?? GITHUB_API_URL, tokens.access_token);
        const claims = tokens.claims();
        if (!claims) throw new Error("no id token");
        return {
          subject: claims.sub,
          email: typeof claims.email === "string" ? claims.email.toLowerCase() : null,
          emailVerified: claims.email_verified === true,
          name: typeof claims.name === "string" ? claims.name : null,
        };
      } catch (error) {
        if (error instanceof ApiError) throw error;
        // The cause (a reused code, a wrong nonce…) is kept for the log, not shown.
        throw Object.assign(
          new ApiError("bad_request", `${settings.name} did not confirm this sign-in; start again.`),
          {
            cause: error,
          },
        );
      }
    },
  };
};

/** GitHub's user and its primary address, only if GitHub has verified it. */
const githubIdentity = async (apiUrl: string, accessToken: string): Promise<TIdentity> => {
  const get = async (path: string) => {
    const response = await fetch(`${apiUrl.replace(/\/$/, "")}${path}`, {
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/vnd.github+json", "user-agent": "Cto" },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`GitHub answered ${response.status} for ${path}`);
    return response.json() as Promise<unknown>;
  };
  const user = (await get("/user")) as { id: number; name?: string | null; login: string };
  const emails = (await get("/user/emails")) as { email: string; primary: boolean; verified: boolean }[];
  const primary = emails.find((entry) => entry.primary) ?? null;
  return {
    subject: String(user.id),
    email: primary?.email.toLowerCase() ?? null,
    emailVerified: primary?.verified === true,
    name: user.name ?? user.login,
  };
};
