import createClient from "openapi-fetch";

import type { paths } from "@cto/contracts/api/openapi";

import { ApiError, networkError, toApiError } from "./api-error.ts";

export { ApiError };

/** The typed API client. `/api` is proxied to the API by Vite (dev and preview), so the session cookie is same-origin. */
export const api = createClient<paths>({ baseUrl: `${globalThis.location?.origin ?? ""}/api`, credentials: "include" });

type TFetchResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError with a message a person
 * understands. Every feature's fetcher goes through here, so errors look the same everywhere.
 */
export const unwrap = async <T>(call: Promise<TFetchResult<T>>): Promise<T> => {
  let result: TFetchResult<T>;
  try {
    result = await call;
  } catch (cause) {
    throw networkError(cause);
  }
  const { data, error, response } = result;
  if (!response.ok) throw toApiError(response.status, error, response.headers);
  return data as T;
};

/**
 * `unwrap`, but one status is an answer rather than an error: null instead (a 404 for "none yet",
 * a 401 for "nobody signed in").
 */
export const unwrapOrNull = async <T>(call: Promise<TFetchResult<T>>, status: number): Promise<T | null> => {
  try {
    return await unwrap(call);
  } catch (error) {
    if (error instanceof ApiError && error.status === status) return null;
    throw error;
  }
};

/** For raw `fetch` calls (streams, downloads) that openapi-fetch does not fit. */
export const apiFetch = async (path: string, init: RequestInit = {}): Promise<Response> => {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { credentials: "include", ...init });
  } catch (cause) {
    throw networkError(cause);
  }
  if (response.ok) return response;
  const body: unknown = await response.json().catch(() => null);
  throw toApiError(response.status, body, response.headers);
};
