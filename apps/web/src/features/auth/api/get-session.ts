import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrapOrNull } from "../../../lib/api-client.ts";

export type TSession = NonNullable<Awaited<ReturnType<typeof getSession>>>;
export type TUser = TSession["user"];

/** GET /auth/session: who is signed in, or null when nobody is (a 401 is an answer here, not an error). */
export const getSession = () => unwrapOrNull(api.GET("/auth/session"), 401);

export const SESSION_QUERY_KEY = ["auth", "session"] as const;

export const sessionQueryOptions = () => queryOptions({ queryKey: SESSION_QUERY_KEY, queryFn: getSession, staleTime: 5 * 60_000 });

export const useSession = () => useQuery(sessionQueryOptions());
