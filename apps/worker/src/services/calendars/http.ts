import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Readable } from "node:stream";

import {
  PrivateAddressError,
  resolvePublicHost,
  type TCheckedAddress,
  type TPrivateNetworks,
} from "@cto/core/outbound-address";

/** Upstream that did not answer, or answered with an error: worth retrying later (BullMQ's backoff). */
export class CalendarUnreachableError extends Error {}

/** Upstream refused the credentials: retrying with the same ones cannot help. */
export class CalendarAuthError extends Error {}

/** The URL (or a redirect) points at a loopback, private or link-local address: refused, never retried. */
export class CalendarAddressRefusedError extends Error {}

// A chain of redirects longer than this is refused, as fetch does after 20; calendars need one or two.
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

export type TOutboundOptions = { timeoutMs: number; allowPrivateNetworks: TPrivateNetworks };

const refusal = (error: PrivateAddressError) =>
  new CalendarAddressRefusedError(
    `The calendar's address is refused: ${error.message}. Calendars are fetched from the public internet only; a self-hosted installation can allow its own network with CALENDAR_ALLOW_PRIVATE_NETWORKS=true.`,
  );

/** A `lookup` that answers with the address already checked, so the connection goes where the check said. */
const pinnedLookup =
  (checked: TCheckedAddress): LookupFunction =>
  (_hostname, options, callback) => {
    if (options.all) (callback as (error: null, addresses: TCheckedAddress[]) => void)(null, [checked]);
    else callback(null, checked.address, checked.family);
  };

type TOneRequest = { url: URL; method: string; headers: Headers; body: Buffer | undefined; signal: AbortSignal };

/** One HTTP exchange, no redirects followed, connected to the host's checked address. */
const requestOnce = async (
  { url, method, headers, body, signal }: TOneRequest,
  allowPrivateNetworks: TPrivateNetworks,
): Promise<Response> => {
  const [checked] = await resolvePublicHost(url.hostname, { allowPrivate: allowPrivateNetworks });
  return new Promise<Response>((resolve, reject) => {
    const transport = url.protocol === "https:" ? https : http;
    const sent = Object.fromEntries(headers);
    // No compression asked for (nothing here would undo it), and a known length rather than chunks.
    sent["accept-encoding"] ??= "identity";
    if (body) sent["content-length"] = String(body.length);
    const request = transport.request(url, {
      method,
      headers: sent,
      // A fresh connection each time, made through the pinned lookup (a pooled one could predate the check).
      agent: false,
      lookup: pinnedLookup(checked as TCheckedAddress),
      signal,
    });
    request.on("error", (error) => reject(signal.aborted ? signal.reason : error));
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const responseHeaders = new Headers();
      for (let index = 0; index + 1 < response.rawHeaders.length; index += 2)
        responseHeaders.append(response.rawHeaders[index] as string, response.rawHeaders[index + 1] as string);
      const empty = NULL_BODY_STATUSES.has(status) || method === "HEAD";
      if (empty) response.resume();
      try {
        resolve(
          new Response(empty ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>), {
            status,
            statusText: response.statusMessage ?? "",
            headers: responseHeaders,
          }),
        );
      } catch (error) {
        response.destroy();
        reject(error);
      }
    });
    request.end(body);
  });
};

const bodyOf = async (body: RequestInit["body"] | ArrayBuffer) =>
  body == null ? undefined : Buffer.from(await new Response(body).arrayBuffer());

/**
 * fetch for URLs a user gave: every request, redirects included, goes only to a host whose addresses
 * are all public (unless `allowPrivateNetworks`), and connects to the address that was checked.
 * Redirects are followed here, each target checked again; `redirect: "manual"` hands them back
 * (tsdav's service discovery follows them itself, through this same fetch).
 */
export const guardedFetch =
  (allowPrivateNetworks: TPrivateNetworks): typeof fetch =>
  async (input, init) => {
    const request = input instanceof Request ? input : null;
    let url = new URL(request ? request.url : String(input));
    let method = (init?.method ?? request?.method ?? "GET").toUpperCase();
    const headers = new Headers(init?.headers ?? request?.headers);
    let body = await bodyOf(init?.body ?? (request?.body ? await request.arrayBuffer() : undefined));
    const signal = init?.signal ?? request?.signal ?? new AbortController().signal;
    const mode = init?.redirect ?? request?.redirect ?? "follow";
    for (let redirects = 0; ; redirects++) {
      if (url.protocol !== "http:" && url.protocol !== "https:")
        throw new TypeError(`Only http and https URLs can be fetched, not ${url.protocol}`);
      const response = await requestOnce({ url, method, headers, body, signal }, allowPrivateNetworks);
      const location = response.headers.get("location");
      if (!REDIRECT_STATUSES.has(response.status) || !location || mode === "manual") return response;
      await response.body?.cancel();
      if (mode === "error") throw new TypeError(`Redirected to ${location}, and redirects are refused here`);
      if (redirects >= MAX_REDIRECTS) throw new TypeError(`More than ${MAX_REDIRECTS} redirects`);
      const next = new URL(location, url);
      // As fetch does: the password goes only to the origin it was given for.
      if (next.origin !== url.origin) headers.delete("authorization");
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
        method = method === "HEAD" ? "HEAD" : "GET";
        body = undefined;
        headers.delete("content-type");
        headers.delete("content-length");
      }
      url = next;
    }
  };

/**
 * The guarded fetch that gives up after `timeoutMs`, so a server that never answers cannot hold a
 * worker slot. A refused address throws CalendarAddressRefusedError; other failures CalendarUnreachableError.
 */
export const fetchWithTimeout =
  ({ timeoutMs, allowPrivateNetworks }: TOutboundOptions): typeof fetch =>
  (input, init) =>
    guardedFetch(allowPrivateNetworks)(input, {
      ...init,
      signal: init?.signal
        ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)])
        : AbortSignal.timeout(timeoutMs),
    }).catch((error: unknown) => {
      if (error instanceof PrivateAddressError) throw refusal(error);
      const reason =
        (error as Error).name === "TimeoutError"
          ? `no answer within ${timeoutMs} ms`
          : String((error as Error).message);
      throw new CalendarUnreachableError(`The calendar server could not be reached: ${reason}.`);
    });

/** The refusal or failure an HTTP status stands for. */
export const failureOf = (status: number) =>
  status === 401 || status === 403
    ? new CalendarAuthError(
        `The calendar server refused access (HTTP ${status}): check the user name and password, or the URL.`,
      )
    : new CalendarUnreachableError(`The calendar server answered HTTP ${status}.`);
