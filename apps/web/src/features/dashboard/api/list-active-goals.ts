import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /goals?status=active: the goals whose progress the dashboard shows, nearest deadline first. */
export const listActiveGoals = () =>
  unwrap(api.GET("/goals", { params: { query: { status: "active", sort: "deadline", limit: 6 } } }));

export type TDashboardGoal = Awaited<ReturnType<typeof listActiveGoals>>["items"][number];

// Keys start with the resource name, so any feature that writes goals refreshes this by `["goals"]`.
export const activeGoalsQueryOptions = () =>
  queryOptions({ queryKey: ["goals", "dashboard"], queryFn: listActiveGoals });

export const useActiveGoals = () => useQuery(activeGoalsQueryOptions());
