import { createRoute, lazyRouteComponent } from "@tanstack/react-router";

import { appLayoutRoute } from "./app-layout.tsx";

export const goalsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/goals",
  component: lazyRouteComponent(() => import("../../features/goals/components/goals-page.tsx"), "GoalsPage"),
});
