import { createRoute, lazyRouteComponent } from "@tanstack/react-router";

import { latestReportQueryOptions } from "../../features/dashboard/api/get-latest-report.ts";
import { activeGoalsQueryOptions } from "../../features/dashboard/api/list-active-goals.ts";
import { consistencyQueryOptions } from "../../features/dashboard/api/list-consistency.ts";
import { dueCommitmentsQueryOptions } from "../../features/dashboard/api/list-due-commitments.ts";
import { notificationsQueryOptions } from "../../features/dashboard/api/list-notifications.ts";
import { trendsQueryOptions } from "../../features/dashboard/api/list-trends.ts";
import { appLayoutRoute } from "./app-layout.tsx";

export const dashboardRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/",
  // Start every card's query while the page's code loads, instead of after it (no request waterfall).
  loader: ({ context: { queryClient } }) => {
    void queryClient.prefetchQuery(dueCommitmentsQueryOptions());
    void queryClient.prefetchQuery(activeGoalsQueryOptions());
    void queryClient.prefetchQuery(trendsQueryOptions());
    void queryClient.prefetchQuery(latestReportQueryOptions());
    void queryClient.prefetchQuery(consistencyQueryOptions());
    void queryClient.prefetchQuery(notificationsQueryOptions());
  },
  component: lazyRouteComponent(
    () => import("../../features/dashboard/components/dashboard-page.tsx"),
    "DashboardPage",
  ),
});
