import { queryOptions, useQuery } from "@tanstack/react-query";

import type { TApiResponse } from "@cto/contracts/api/endpoints";

import { api, unwrap } from "./api-client.ts";

/** The signed-in user and how they signed in; every area reads it, so it lives here rather than in a feature. */
export type TSession = NonNullable<TApiResponse<"/auth/session">>;
export type TUser = TSession["user"];

/**
 * GET /auth/session?optional=true: who is signed in, or null when nobody is. Optional, so a signed-out
 * visit is a plain 200 with null and the browser logs no failed request.
 */
export const getSession = () => unwrap(api.GET("/auth/session", { params: { query: { optional: "true" } } }));

export const SESSION_QUERY_KEY = ["auth", "session"] as const;

export const sessionQueryOptions = () =>
  queryOptions({ queryKey: SESSION_QUERY_KEY, queryFn: getSession, staleTime: 5 * 60_000 });

export const useSession = () => useQuery(sessionQueryOptions());
