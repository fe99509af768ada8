import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, ApiError, unwrap } from "../../../lib/api-client.ts";

export type TSession = NonNullable<Awaited<ReturnType<typeof getSession>>>;
export type TUser = TSession["user"];

/** GET /auth/session: who is signed in, or null when nobody is (a 401 is an answer here, not an error). */
export const getSession = async () => {
  try {
    return await unwrap(api.GET("/auth/session"));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
};

export const SESSION_QUERY_KEY = ["auth", "session"] as const;

export const sessionQueryOptions = () => queryOptions({ queryKey: SESSION_QUERY_KEY, queryFn: getSession, staleTime: 5 * 60_000 });

export const useSession = () => useQuery(sessionQueryOptions());
