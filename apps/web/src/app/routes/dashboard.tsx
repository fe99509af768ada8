import { createRoute, lazyRouteComponent } from "@tanstack/react-router";

import { activeGoalsQueryOptions } from "../../features/dashboard/api/list-active-goals.ts";
import { dueCommitmentsQueryOptions } from "../../features/dashboard/api/list-due-commitments.ts";
import { trendsQueryOptions } from "../../features/dashboard/api/list-trends.ts";
import { appLayoutRoute } from "./app-layout.tsx";

export const dashboardRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/",
  // Start the first queries while the page's code loads, instead of after it (no request waterfall).
  loader: ({ context: { queryClient } }) => {
    void queryClient.prefetchQuery(dueCommitmentsQueryOptions());
    void queryClient.prefetchQuery(activeGoalsQueryOptions());
    void queryClient.prefetchQuery(trendsQueryOptions());
  },
  component: lazyRouteComponent(() => import("../../features/dashboard/components/dashboard-page.tsx"), "DashboardPage"),
});
