import { createRoute, lazyRouteComponent } from "@tanstack/react-router";

import { appLayoutRoute } from "./app-layout.tsx";

export const checkInsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/check-ins",
  component: lazyRouteComponent(() => import("../../features/check-ins/components/check-ins-page.tsx"), "CheckInsPage"),
});
