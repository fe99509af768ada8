import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /me/usage: your AI usage today and this month, and what is left of today's tokens and generations. */
export const getMyUsage = () => unwrap(api.GET("/me/usage"));
export type TMyUsage = Awaited<ReturnType<typeof getMyUsage>>;

export const myUsageQueryOptions = () => queryOptions({ queryKey: ["me", "usage"], queryFn: getMyUsage });
export const useMyUsage = () => useQuery(myUsageQueryOptions());
