import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { adminUsersKey } from "./list-users.ts";

/** GET /admin/users/{id}/usage: one account's AI usage per day and model over the last 30 days (no content). */
export const getUserUsage = (id: string) =>
  unwrap(api.GET("/admin/users/{id}/usage", { params: { path: { id }, query: { days: 30 } } }));

export const userUsageQueryOptions = (id: string) =>
  queryOptions({ queryKey: [...adminUsersKey, "usage", id], queryFn: () => getUserUsage(id) });

export const useUserUsage = (id: string | null) =>
  useQuery({ ...userUsageQueryOptions(id ?? ""), enabled: id !== null });
