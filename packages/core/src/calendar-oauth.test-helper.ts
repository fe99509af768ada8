import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import type { TCalendarOAuthProvider } from "@cto/contracts/api/calendars";

import { calendarOAuthFromEnv, type TCalendarOAuthSettings, ZCalendarOAuthEnvSchema } from "./calendar-oauth.ts";

/** An event as a test writes it; the stand-in shows it as Google's or Graph's JSON. */
export type TStandInEvent = { id: string; title: string; start: string; end?: string; location?: string };

type TStored = { event: TStandInEvent; seq: number; deleted: boolean };
type TCode = { account: string; challenge: string; redirectUri: string; scope: string; used: boolean };

const CLIENT = { id: "cto-calendar-client", secret: "a-calendar-client-secret-for-tests" };
const TENANT = "test-tenant";

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
};

const json = (response: ServerResponse, status: number, body: unknown) =>
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

const token = (prefix: string) => `${prefix}-${randomBytes(12).toString("base64url")}`;

/**
 * Google's or Microsoft's OAuth endpoints and calendar API, on 127.0.0.1 (node:http), for the API's
 * and the worker's tests. The authorization endpoint signs in `account` (or `login_hint`) at once and
 * sends the browser back with a code; the token endpoint checks the client, the PKCE verifier, the
 * redirect URI and that the code is used once, and renews tokens (Microsoft's rotating the refresh
 * token). The calendar API pages its listings (`pageSize`) and syncs incrementally: Google's
 * events.list with sync tokens (cancelled events in the changes), Graph's calendarView/delta with
 * delta links (@removed items). Knobs: `failures` (statuses the next API calls answer), `delayMs`,
 * `expireAccessTokens`, `forgetSyncState` (410), `refuseRefresh`.
 */
export const startCalendarStandIn = async (provider: TCalendarOAuthProvider) => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const calendars = new Map<string, Map<string, TStored>>();
  const codes = new Map<string, TCode>();
  const accessTokens = new Map<string, string>();
  const refreshTokens = new Map<string, string>();
  const pages = new Map<string, { items: unknown[]; rest: string | null; end: Record<string, string> }>();
  let seq = 0;
  let forgottenBefore = 0;
  const state = {
    /** Who the authorization endpoint signs in when the request names nobody (login_hint). */
    account: "ada@example.com",
    pageSize: 100,
    /** Statuses the next calendar API requests answer, one each, before answering normally. */
    failures: [] as number[],
    delayMs: 0,
    refuseRefresh: false,
    /** Every calendar API request's path and query, in order. */
    requests: [] as string[],
    refreshes: 0,
  };

  const calendarOf = (account: string) => {
    const calendar = calendars.get(account) ?? new Map<string, TStored>();
    calendars.set(account, calendar);
    return calendar;
  };

  const issueTokens = (account: string, refresh: string | null) => {
    const access = token("access");
    accessTokens.set(access, account);
    const next = refresh && provider === "google" ? refresh : token("refresh");
    if (refresh && provider === "microsoft") refreshTokens.delete(refresh);
    refreshTokens.set(next, account);
    return { access_token: access, token_type: "Bearer", expires_in: 3600, scope: "calendar", refresh_token: next };
  };

  const authorize = (url: URL, response: ServerResponse) => {
    const redirectUri = url.searchParams.get("redirect_uri") ?? "";
    if (url.searchParams.get("client_id") !== CLIENT.id || !redirectUri)
      return json(response, 400, { error: "invalid_client" });
    if (url.searchParams.get("code_challenge_method") !== "S256")
      return json(response, 400, { error: "invalid_request", error_description: "PKCE S256 is required" });
    const code = token("code");
    codes.set(code, {
      account: url.searchParams.get("login_hint") ?? state.account,
      challenge: url.searchParams.get("code_challenge") ?? "",
      redirectUri,
      scope: url.searchParams.get("scope") ?? "",
      used: false,
    });
    const back = new URL(redirectUri);
    back.searchParams.set("code", code);
    back.searchParams.set("state", url.searchParams.get("state") ?? "");
    response.writeHead(302, { location: back.toString() }).end();
  };

  const tokenEndpoint = async (request: IncomingMessage, response: ServerResponse) => {
    const form = new URLSearchParams(await readBody(request));
    const basic = request.headers.authorization?.startsWith("Basic ")
      ? Buffer.from(request.headers.authorization.slice(6), "base64").toString().split(":").map(decodeURIComponent)
      : [form.get("client_id"), form.get("client_secret")];
    if (basic[0] !== CLIENT.id || basic[1] !== CLIENT.secret) return json(response, 401, { error: "invalid_client" });
    if (form.get("grant_type") === "authorization_code") {
      const code = codes.get(form.get("code") ?? "");
      const verifier = form.get("code_verifier") ?? "";
      const challenge = createHash("sha256").update(verifier).digest("base64url");
      if (!code || code.used || code.challenge !== challenge || code.redirectUri !== form.get("redirect_uri")) {
        if (code) code.used = true;
        return json(response, 400, { error: "invalid_grant", error_description: "The code is not valid here." });
      }
      code.used = true;
      return json(response, 200, issueTokens(code.account, null));
    }
    if (form.get("grant_type") === "refresh_token") {
      state.refreshes += 1;
      const refresh = form.get("refresh_token") ?? "";
      const account = refreshTokens.get(refresh);
      if (!account || state.refuseRefresh)
        return json(response, 400, { error: "invalid_grant", error_description: "Token has been expired or revoked." });
      return json(response, 200, issueTokens(account, refresh));
    }
    return json(response, 400, { error: "unsupported_grant_type" });
  };

  /** The first page of `items`; the others are kept under page tokens, each naming the next. `end`: the last page's. */
  const paged = (items: unknown[], end: Record<string, string>) => {
    const chunks: unknown[][] = [];
    for (let offset = 0; offset < items.length; offset += state.pageSize)
      chunks.push(items.slice(offset, offset + state.pageSize));
    if (chunks.length === 0) chunks.push([]);
    let rest: string | null = null;
    for (const chunk of chunks.slice(1).reverse()) {
      const key = token("page");
      pages.set(key, { items: chunk, rest, end });
      rest = key;
    }
    return { items: chunks[0] as unknown[], rest, end };
  };

  const googleEvent = ({ event, deleted }: TStored) =>
    deleted
      ? { id: event.id, status: "cancelled" }
      : {
          id: event.id,
          status: "confirmed",
          summary: event.title,
          ...(event.location ? { location: event.location } : {}),
          start: { dateTime: event.start },
          end: { dateTime: event.end ?? event.start },
        };
  const graphEvent = ({ event, deleted }: TStored) =>
    deleted
      ? { id: event.id, "@removed": { reason: "deleted" } }
      : {
          id: event.id,
          subject: event.title,
          location: { displayName: event.location ?? "" },
          start: { dateTime: event.start.replace("Z", ".0000000"), timeZone: "UTC" },
          end: { dateTime: (event.end ?? event.start).replace("Z", ".0000000"), timeZone: "UTC" },
          isAllDay: false,
          isCancelled: false,
          showAs: "busy",
        };

  const changesSince = (account: string, since: number | null) =>
    [...calendarOf(account).values()].filter((stored) => (since === null ? !stored.deleted : stored.seq > since));

  const googleApi = (url: URL, account: string, response: ServerResponse) => {
    if (url.pathname === "/calendar/v3/calendars/primary")
      return json(response, 200, { id: account, summary: account, timeZone: "UTC" });
    if (url.pathname !== "/calendar/v3/calendars/primary/events") return json(response, 404, { error: "not found" });
    const pageToken = url.searchParams.get("pageToken");
    if (pageToken) {
      const page = pages.get(pageToken);
      if (!page) return json(response, 400, { error: "bad page token" });
      return json(response, 200, {
        items: page.items,
        ...(page.rest ? { nextPageToken: page.rest } : page.end),
      });
    }
    if (url.searchParams.get("singleEvents") !== "true") return json(response, 400, { error: "singleEvents expected" });
    const syncToken = url.searchParams.get("syncToken");
    if (syncToken && (url.searchParams.has("timeMin") || url.searchParams.has("timeMax")))
      return json(response, 400, { error: { message: "Sync token cannot be used with other request restrictions." } });
    const since = syncToken ? Number(syncToken.replace("sync-", "")) : null;
    if (since !== null && (Number.isNaN(since) || since < forgottenBefore))
      return json(response, 410, {
        error: { code: 410, message: "Sync token is no longer valid, a full sync is required." },
      });
    const timeMin = url.searchParams.get("timeMin");
    const items = changesSince(account, since)
      .filter((stored) => !timeMin || stored.deleted || (stored.event.end ?? stored.event.start) >= timeMin)
      .map(googleEvent);
    const page = paged(items, { nextSyncToken: `sync-${seq}` });
    return json(response, 200, { items: page.items, ...(page.rest ? { nextPageToken: page.rest } : page.end) });
  };

  const graphApi = (url: URL, account: string, response: ServerResponse) => {
    if (url.pathname === "/v1.0/me/calendar")
      return json(response, 200, { id: "calendar-1", name: "Calendar", owner: { name: "Ada", address: account } });
    if (url.pathname !== "/v1.0/me/calendarView/delta") return json(response, 404, { error: "not found" });
    const skip = url.searchParams.get("$skiptoken");
    const link = (key: string, value: string) => `${base}/v1.0/me/calendarView/delta?${key}=${value}`;
    const answer = (page: { items: unknown[]; rest: string | null; end: Record<string, string> }) =>
      json(response, 200, {
        value: page.items,
        ...(page.rest ? { "@odata.nextLink": link("$skiptoken", page.rest) } : page.end),
      });
    if (skip) {
      const page = pages.get(skip);
      return page ? answer(page) : json(response, 400, { error: "bad skip token" });
    }
    const deltaToken = url.searchParams.get("$deltatoken");
    if (!deltaToken && !(url.searchParams.has("startDateTime") && url.searchParams.has("endDateTime")))
      return json(response, 400, { error: { code: "ErrorInvalidParameter", message: "startDateTime is required" } });
    const since = deltaToken ? Number(deltaToken) : null;
    if (since !== null && (Number.isNaN(since) || since < forgottenBefore))
      return json(response, 410, { error: { code: "SyncStateNotFound", message: "The sync state was not found." } });
    const items = changesSince(account, since).map(graphEvent);
    return answer(paged(items, { "@odata.deltaLink": link("$deltatoken", String(seq)) }));
  };

  const calendarApi = async (request: IncomingMessage, url: URL, response: ServerResponse) => {
    state.requests.push(`${url.pathname}${url.search}`);
    if (state.delayMs) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    const failure = state.failures.shift();
    if (failure) return json(response, failure, { error: { code: failure, message: "stand-in failure" } });
    const bearer = request.headers.authorization?.replace(/^Bearer /, "") ?? "";
    const account = accessTokens.get(bearer);
    if (!account) return json(response, 401, { error: { code: 401, message: "Invalid Credentials" } });
    return provider === "google" ? googleApi(url, account, response) : graphApi(url, account, response);
  };

  const paths =
    provider === "google"
      ? { authorize: "/o/oauth2/v2/auth", token: "/token" }
      : { authorize: `/${TENANT}/oauth2/v2.0/authorize`, token: `/${TENANT}/oauth2/v2.0/token` };

  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", base);
    const handle = async () => {
      if (url.pathname === paths.authorize) return authorize(url, response);
      if (url.pathname === paths.token && request.method === "POST") return tokenEndpoint(request, response);
      return calendarApi(request, url, response);
    };
    handle().catch((error: unknown) => json(response, 500, { error: String(error) }));
  });

  /** The variables that point the API and the worker here. */
  const env: Record<string, string> =
    provider === "google"
      ? {
          CALENDAR_GOOGLE_CLIENT_ID: CLIENT.id,
          CALENDAR_GOOGLE_CLIENT_SECRET: CLIENT.secret,
          CALENDAR_GOOGLE_AUTHORIZATION_URL: `${base}${paths.authorize}`,
          CALENDAR_GOOGLE_TOKEN_URL: `${base}${paths.token}`,
          CALENDAR_GOOGLE_API_URL: `${base}/calendar/v3`,
        }
      : {
          CALENDAR_MICROSOFT_CLIENT_ID: CLIENT.id,
          CALENDAR_MICROSOFT_CLIENT_SECRET: CLIENT.secret,
          CALENDAR_MICROSOFT_TENANT: TENANT,
          CALENDAR_MICROSOFT_LOGIN_URL: base,
          CALENDAR_MICROSOFT_GRAPH_URL: `${base}/v1.0`,
        };
  const settings = calendarOAuthFromEnv(ZCalendarOAuthEnvSchema.parse(env))[0] as TCalendarOAuthSettings;

  return {
    base,
    env,
    settings,
    state,
    /** Adds or changes an event in `account`'s calendar (the default account's unless named). */
    put: (event: TStandInEvent, account = state.account) => {
      calendarOf(account).set(event.id, { event, seq: ++seq, deleted: false });
    },
    /** Deletes an event: a full listing no longer has it, a sync token's changes show it cancelled / @removed. */
    remove: (id: string, account = state.account) => {
      const stored = calendarOf(account).get(id);
      if (stored) calendarOf(account).set(id, { ...stored, seq: ++seq, deleted: true });
    },
    /** Every access token issued so far is refused from now on (401), as after its expiry. */
    expireAccessTokens: () => accessTokens.clear(),
    /** Sync tokens and delta links issued so far are answered 410 Gone. */
    forgetSyncState: () => {
      forgottenBefore = ++seq;
    },
    /** Tokens for `account` without the authorization round trip (the worker's tests seed connections with them). */
    issueTokens: (account = state.account) => issueTokens(account, null),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
export type TCalendarStandIn = Awaited<ReturnType<typeof startCalendarStandIn>>;
