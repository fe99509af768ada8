import * as oidc from "openid-client";

import { calendarOAuthClient, type TCalendarOAuthSettings } from "@cto/core/calendar-oauth";
import type { Db } from "@cto/db/client";
import type { SecretBox } from "@cto/db/secrets";

import type { z } from "zod";

import { MalformedCalendarError } from "./expand.ts";
import { CalendarAuthError, CalendarUnreachableError } from "./http.ts";

/** The provider refused to renew the tokens (revoked, expired, or the client changed): only connecting again helps. */
export class CalendarTokenExpiredError extends Error {}

// A token this close to its expiry is renewed before use rather than sent and refused.
const EXPIRY_MARGIN_MS = 60_000;

type TConnection = { id: string; accessToken: string; refreshToken: string | null; tokenExpires: Date | null };

/** What a calendar API answered: its status and, when it is JSON, its body. */
export type TApiResponse = { status: number; body: unknown };

/** A refusal by the token endpoint (an OAuth error in a 4xx answer), as opposed to an outage. */
const isRefusal = (error: unknown) =>
  error instanceof oidc.ResponseBodyError && error.status >= 400 && error.status < 500;

/**
 * A connection's OAuth tokens for one sync: `get` sends the access token, renewing it first when it
 * has expired and once more if the API answers 401. Renewed tokens are sealed and stored at once
 * (Microsoft rotates refresh tokens: the old one may already be spent). A renewal the provider
 * refuses throws CalendarTokenExpiredError; one it does not answer, CalendarUnreachableError.
 */
export const createTokenSession = ({
  db,
  secrets,
  connection,
  settings,
  now,
  timeoutMs,
}: {
  db: Db;
  secrets: SecretBox;
  connection: TConnection;
  settings: TCalendarOAuthSettings;
  now: Date;
  timeoutMs: number;
}) => {
  let accessToken = secrets.decrypt(connection.accessToken);
  let refreshToken = connection.refreshToken ? secrets.decrypt(connection.refreshToken) : null;
  let expiresAt = connection.tokenExpires;
  let renewed = false;

  const renew = async () => {
    renewed = true;
    if (!refreshToken)
      throw new CalendarTokenExpiredError(
        `Access to ${settings.name} has expired and there is no refresh token; connect the calendar again.`,
      );
    let tokens: oidc.TokenEndpointResponse;
    try {
      tokens = await oidc.refreshTokenGrant(
        calendarOAuthClient(settings, timeoutMs),
        refreshToken,
        settings.provider === "microsoft" ? { scope: settings.scope } : undefined,
      );
    } catch (error) {
      if (isRefusal(error))
        throw new CalendarTokenExpiredError(
          `${settings.name} refused to renew Cto's access (${(error as oidc.ResponseBodyError).error}): the access was revoked or has expired; connect the calendar again.`,
        );
      throw new CalendarUnreachableError(
        `${settings.name}'s token endpoint could not renew the access: ${(error as Error).message}.`,
      );
    }
    accessToken = tokens.access_token;
    refreshToken = tokens.refresh_token ?? refreshToken;
    expiresAt = tokens.expires_in ? new Date(now.getTime() + tokens.expires_in * 1000) : null;
    await db.connectedAccount.updateMany({
      where: { id: connection.id },
      data: {
        accessToken: secrets.encrypt(accessToken),
        ...(tokens.refresh_token ? { refreshToken: secrets.encrypt(tokens.refresh_token) } : {}),
        tokenExpires: expiresAt,
      },
    });
  };

  const send = async (url: string, headers: Record<string, string>): Promise<TApiResponse> => {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { ...headers, accept: "application/json", authorization: `Bearer ${accessToken}` },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason =
        (error as Error).name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : (error as Error).message;
      throw new CalendarUnreachableError(`${settings.name} could not be reached: ${reason}.`);
    }
    const text = await response.text().catch(() => "");
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    return { status: response.status, body };
  };

  return {
    /** GET `url` of the provider's API with the access token; a 401 after a renewal is a CalendarAuthError. */
    get: async (url: string, headers: Record<string, string> = {}): Promise<TApiResponse> => {
      if (expiresAt && expiresAt.getTime() - EXPIRY_MARGIN_MS <= now.getTime() && !renewed) await renew();
      let response = await send(url, headers);
      if (response.status === 401 && !renewed) {
        await renew();
        response = await send(url, headers);
      }
      if (response.status === 401)
        throw new CalendarAuthError(`${settings.name} refused the renewed access token; connect the calendar again.`);
      return response;
    },
  };
};
export type TTokenSession = ReturnType<typeof createTokenSession>;

/** What a provider's reader is given: the session to its API, the API's base URL, the last sync's cursor and the time. */
export type TOAuthReadInput<TCursor> = { session: TTokenSession; apiUrl: string; cursor: TCursor; now: Date };

/**
 * What an unexpected answer of a calendar API means: a refusal (403), or trouble worth retrying later
 * (Google answers its rate limits with 403 too, naming them in the body).
 */
export const apiFailure = (name: string, { status, body }: TApiResponse) =>
  status === 403 && !/rateLimitExceeded/i.test(JSON.stringify(body ?? ""))
    ? new CalendarAuthError(`${name} refused to show the calendar (HTTP 403): connect it again and allow reading it.`)
    : new CalendarUnreachableError(`${name} answered HTTP ${status}.`);

/** One page of a listing: its items, what leads to the next page, and on the last page the token for the next sync. */
type TPage = { items: unknown[]; next?: string | undefined; end?: string | undefined };

/**
 * Every page of one listing through `session` (Google's events.list, Graph's calendarView/delta): `urlOf`
 * makes the first page's URL (from undefined) and each next one (from the page's `next`); the last page
 * must end with a token for the next sync. "gone" when the provider no longer knows the token asked with (410).
 */
export const readPages = async ({
  session,
  urlOf,
  headers,
  page,
  maxPages,
  provider,
  api,
  ending,
}: {
  session: TTokenSession;
  urlOf: (next: string | undefined) => string;
  headers?: Record<string, string>;
  page: z.ZodType<TPage>;
  maxPages: number;
  /** The calendar as an API failure names it ("Microsoft 365"). */
  provider: string;
  /** The API as a malformed or endless listing names it ("Microsoft Graph"). */
  api: string;
  /** What the last page ends with, as the error for its absence names it ("a delta link"). */
  ending: string;
}) => {
  const items: unknown[] = [];
  let next: string | undefined;
  for (let count = 0; count < maxPages; count++) {
    const response = await session.get(urlOf(next), headers);
    if (response.status === 410) return "gone" as const;
    if (response.status !== 200) throw apiFailure(provider, response);
    const parsed = page.safeParse(response.body);
    if (!parsed.success) throw new MalformedCalendarError(`${api} answered a listing Cto cannot read.`);
    items.push(...parsed.data.items);
    if (parsed.data.next) {
      next = parsed.data.next;
      continue;
    }
    if (!parsed.data.end) throw new MalformedCalendarError(`${api}'s listing ended without ${ending}.`);
    return { items, end: parsed.data.end };
  }
  throw new CalendarUnreachableError(`${api}'s listing went on for more than ${maxPages} pages.`);
};
