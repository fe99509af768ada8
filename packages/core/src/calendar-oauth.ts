import * as oidc from "openid-client";
import { z } from "zod";

import type { TCalendarOAuthProvider } from "@cto/contracts/api/calendars";

/**
 * One OAuth client for reading calendars: where the user consents, where codes and refresh tokens
 * become access tokens, the calendar API the tokens are for, and what is asked for. The API uses it
 * to connect a calendar, the worker to refresh tokens and read events.
 */
export type TCalendarOAuthSettings = {
  provider: TCalendarOAuthProvider;
  /** What the Settings page and messages call the provider. */
  name: string;
  clientId: string;
  clientSecret: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** Google Calendar API v3's base (…/calendar/v3), or Microsoft Graph's (…/v1.0). */
  apiUrl: string;
  scope: string;
  /** Extra authorization parameters: Google gives a refresh token only for offline access with consent. */
  authorizationParams: Record<string, string>;
  /** Plain-http endpoints, allowed only on loopback (the tests' stand-ins). */
  allowInsecure: boolean;
};

/**
 * The openid-client configuration of one provider, for the API's consent and code exchange and the
 * worker's token renewals alike. The issuer is the authorization server's origin, which a callback's
 * `iss` parameter (RFC 9207) is checked against. `timeoutMs` bounds each request to the provider.
 */
export const calendarOAuthClient = (settings: TCalendarOAuthSettings, timeoutMs: number) => {
  const configuration = new oidc.Configuration(
    {
      issuer: new URL(settings.authorizationEndpoint).origin,
      authorization_endpoint: settings.authorizationEndpoint,
      token_endpoint: settings.tokenEndpoint,
    },
    settings.clientId,
    settings.clientSecret,
  );
  if (settings.allowInsecure) oidc.allowInsecureRequests(configuration);
  configuration.timeout = Math.max(1, Math.ceil(timeoutMs / 1000));
  return configuration;
};

export const GOOGLE_CALENDAR_SCOPE = "https://www.googleapis.com/auth/calendar.readonly";
export const MICROSOFT_CALENDAR_SCOPE = "offline_access Calendars.Read";

const unset = (value: unknown) => (value === "" ? undefined : value);
const optional = z.preprocess(unset, z.string().min(1).optional());
const url = (fallback: string) => z.preprocess(unset, z.string().url().default(fallback));

/** The variables of both (the API's and the worker's env.ts spread these in; one set for both processes). */
export const ZCalendarOAuthEnvSchema = z.object({
  CALENDAR_GOOGLE_CLIENT_ID: optional,
  CALENDAR_GOOGLE_CLIENT_SECRET: optional,
  CALENDAR_GOOGLE_AUTHORIZATION_URL: url("https://accounts.google.com/o/oauth2/v2/auth"),
  CALENDAR_GOOGLE_TOKEN_URL: url("https://oauth2.googleapis.com/token"),
  CALENDAR_GOOGLE_API_URL: url("https://www.googleapis.com/calendar/v3"),
  CALENDAR_MICROSOFT_CLIENT_ID: optional,
  CALENDAR_MICROSOFT_CLIENT_SECRET: optional,
  /** `common` (work, school and personal accounts), `organizations`, `consumers`, or one tenant's id. */
  CALENDAR_MICROSOFT_TENANT: z.preprocess(
    unset,
    z
      .string()
      .regex(/^[A-Za-z0-9.-]{1,100}$/)
      .default("common"),
  ),
  CALENDAR_MICROSOFT_LOGIN_URL: url("https://login.microsoftonline.com"),
  CALENDAR_MICROSOFT_GRAPH_URL: url("https://graph.microsoft.com/v1.0"),
});
export type TCalendarOAuthEnv = z.infer<typeof ZCalendarOAuthEnvSchema>;

/** Each client needs its id and its secret: one without the other is a configuration mistake. */
export const requireCalendarOAuthPairs = (env: TCalendarOAuthEnv, ctx: z.RefinementCtx) => {
  for (const [id, secret] of [
    ["CALENDAR_GOOGLE_CLIENT_ID", "CALENDAR_GOOGLE_CLIENT_SECRET"],
    ["CALENDAR_MICROSOFT_CLIENT_ID", "CALENDAR_MICROSOFT_CLIENT_SECRET"],
  ] as const)
    if ((env[id] === undefined) !== (env[secret] === undefined))
      ctx.addIssue({ code: "custom", path: [id], message: `${id} and ${secret}: set both, or neither` });
};

const trim = (value: string) => value.replace(/\/+$/, "");
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
const insecureAllowed = (...urls: string[]) =>
  urls.some((value) => new URL(value).protocol === "http:") &&
  urls.every((value) => new URL(value).protocol === "https:" || LOOPBACK.has(new URL(value).hostname));

/** The providers the environment configures (both id and secret set), Google first. */
export const calendarOAuthFromEnv = (env: TCalendarOAuthEnv): TCalendarOAuthSettings[] => {
  const settings: TCalendarOAuthSettings[] = [];
  if (env.CALENDAR_GOOGLE_CLIENT_ID && env.CALENDAR_GOOGLE_CLIENT_SECRET) {
    const endpoints = {
      authorizationEndpoint: env.CALENDAR_GOOGLE_AUTHORIZATION_URL,
      tokenEndpoint: env.CALENDAR_GOOGLE_TOKEN_URL,
      apiUrl: trim(env.CALENDAR_GOOGLE_API_URL),
    };
    settings.push({
      provider: "google",
      name: "Google Calendar",
      clientId: env.CALENDAR_GOOGLE_CLIENT_ID,
      clientSecret: env.CALENDAR_GOOGLE_CLIENT_SECRET,
      ...endpoints,
      scope: GOOGLE_CALENDAR_SCOPE,
      // Offline access gives a refresh token; consent asks again, so a reconnect gets a new one too.
      authorizationParams: { access_type: "offline", prompt: "consent", include_granted_scopes: "true" },
      allowInsecure: insecureAllowed(...Object.values(endpoints)),
    });
  }
  if (env.CALENDAR_MICROSOFT_CLIENT_ID && env.CALENDAR_MICROSOFT_CLIENT_SECRET) {
    const login = `${trim(env.CALENDAR_MICROSOFT_LOGIN_URL)}/${env.CALENDAR_MICROSOFT_TENANT}/oauth2/v2.0`;
    const endpoints = {
      authorizationEndpoint: `${login}/authorize`,
      tokenEndpoint: `${login}/token`,
      apiUrl: trim(env.CALENDAR_MICROSOFT_GRAPH_URL),
    };
    settings.push({
      provider: "microsoft",
      name: "Microsoft 365",
      clientId: env.CALENDAR_MICROSOFT_CLIENT_ID,
      clientSecret: env.CALENDAR_MICROSOFT_CLIENT_SECRET,
      ...endpoints,
      scope: MICROSOFT_CALENDAR_SCOPE,
      authorizationParams: {},
      allowInsecure: insecureAllowed(...Object.values(endpoints)),
    });
  }
  return settings;
};
