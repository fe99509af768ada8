import * as oidc from "openid-client";

import { CALENDAR_PROVIDERS, MAX_CALENDARS_PER_USER, type TCalendarOAuthProvider } from "@cto/contracts/api/calendars";
import { calendarOAuthClient, type TCalendarOAuthSettings } from "@cto/core/calendar-oauth";
import type { Db } from "@cto/db/client";
import type { SecretBox } from "@cto/db/secrets";
import type { TQueues } from "@cto/queue/queues";

import { ApiError } from "../errors.ts";

/** What the browser keeps (sealed) between the redirect to the provider and its way back. */
export type TCalendarFlowChecks = { state: string; verifier: string };

// The provider's answers during a connect: the browser waits on them.
const REQUEST_TIMEOUT_MS = 10_000;
const configurationOf = (settings: TCalendarOAuthSettings) => calendarOAuthClient(settings, REQUEST_TIMEOUT_MS);

/** The account the tokens read: Google's primary calendar is named by its address; Graph's names its owner. */
const accountOf = async (settings: TCalendarOAuthSettings, accessToken: string) => {
  const path = settings.provider === "google" ? "/calendars/primary" : "/me/calendar";
  const response = await fetch(`${settings.apiUrl}${path}`, {
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  }).catch(() => null);
  if (!response?.ok)
    throw new ApiError("service_unavailable", `${settings.name} cannot be reached right now; try again.`);
  const body = (await response.json().catch(() => ({}))) as { id?: unknown; owner?: { address?: unknown } };
  const account = settings.provider === "google" ? body.id : body.owner?.address;
  if (typeof account !== "string" || account === "")
    throw new ApiError("service_unavailable", `${settings.name} did not say whose calendar this is; try again.`);
  return account.toLowerCase();
};

export type TCalendarOAuth = ReturnType<typeof createCalendarOAuth>;

/**
 * The OAuth clients that connect Google and Microsoft 365 calendars (CALENDAR_GOOGLE_*, CALENDAR_MICROSOFT_*):
 * an authorization-code flow with PKCE and state, asking to read calendars with offline access; the
 * provider sends the browser back to `<callbackBaseUrl>/calendars/oauth/<provider>/callback`.
 */
export const createCalendarOAuth = (providers: TCalendarOAuthSettings[], callbackBaseUrl: string) => {
  const find = (provider: string) => {
    const settings = providers.find((entry) => entry.provider === provider);
    if (!settings) throw new ApiError("not_found", `Connecting ${provider} calendars is not set up on this server.`);
    return settings;
  };
  const redirectUri = (provider: string) =>
    `${callbackBaseUrl.replace(/\/$/, "")}/calendars/oauth/${provider}/callback`;
  return {
    /** The providers one can connect here, for the Settings page's buttons. */
    list: (): TCalendarOAuthProvider[] => providers.map((entry) => entry.provider),
    find,
    redirectUri,
    /** The provider's consent page for a new flow, and the checks its callback must meet. */
    begin: async (provider: string) => {
      const settings = find(provider);
      const checks: TCalendarFlowChecks = { state: oidc.randomState(), verifier: oidc.randomPKCECodeVerifier() };
      const url = oidc.buildAuthorizationUrl(configurationOf(settings), {
        redirect_uri: redirectUri(provider),
        scope: settings.scope,
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.verifier),
        code_challenge_method: "S256",
        state: checks.state,
        ...settings.authorizationParams,
      });
      return { url: url.toString(), checks };
    },
    /**
     * Exchanges the callback's code with the PKCE verifier, checking the state, and finds whose calendar
     * it is. A wrong state or a code the provider refuses (reused, expired) is a 400.
     */
    complete: async (provider: string, query: URLSearchParams, checks: TCalendarFlowChecks) => {
      const settings = find(provider);
      const callbackUrl = new URL(redirectUri(provider));
      callbackUrl.search = query.toString();
      let tokens: oidc.TokenEndpointResponse;
      try {
        tokens = await oidc.authorizationCodeGrant(configurationOf(settings), callbackUrl, {
          pkceCodeVerifier: checks.verifier,
          expectedState: checks.state,
        });
      } catch (error) {
        throw Object.assign(
          new ApiError("bad_request", `${settings.name} did not confirm this connection; start again from Settings.`),
          { cause: error },
        );
      }
      return { settings, tokens, account: await accountOf(settings, tokens.access_token) };
    },
  };
};

/**
 * Stores a connected Google or Microsoft calendar: its tokens sealed with the secret box (never
 * returned), and a first sync queued. Connecting the same account again renews its tokens and clears
 * an EXPIRED status rather than adding a second connection.
 */
export const saveOAuthCalendar = async ({
  db,
  secrets,
  queues,
  userId,
  settings,
  tokens,
  account,
  now = new Date(),
}: {
  db: Db;
  secrets: SecretBox;
  queues: TQueues | null;
  userId: string;
  settings: TCalendarOAuthSettings;
  tokens: oidc.TokenEndpointResponse;
  account: string;
  now?: Date;
}) => {
  const sealed = {
    accessToken: secrets.encrypt(tokens.access_token),
    ...(tokens.refresh_token ? { refreshToken: secrets.encrypt(tokens.refresh_token) } : {}),
    tokenExpires: tokens.expires_in ? new Date(now.getTime() + tokens.expires_in * 1000) : null,
    scopes: (tokens.scope ?? settings.scope).split(" ").filter(Boolean),
  };
  const where = { userId, provider: settings.provider, providerAccountId: account };
  const existing = await db.connectedAccount.findFirst({ where, select: { id: true } });
  let id: string;
  if (existing) {
    await db.connectedAccount.update({
      where: { id: existing.id },
      data: { ...sealed, status: "ACTIVE", errorMessage: null, syncEnabled: true },
    });
    id = existing.id;
  } else {
    const kept = await db.connectedAccount.count({ where: { userId, provider: { in: [...CALENDAR_PROVIDERS] } } });
    if (kept >= MAX_CALENDARS_PER_USER)
      throw new ApiError(
        "invalid_state",
        `You have connected ${kept} calendars, the most there can be; disconnect one first.`,
      );
    ({ id } = await db.connectedAccount.create({ data: { ...where, ...sealed }, select: { id: true } }));
  }
  if (queues)
    await queues
      .enqueue("calendars", "sync", { connectionId: id }, { jobId: `calendar-sync.${id}.now.${Date.now()}` })
      .catch(() => undefined);
  return { id };
};
