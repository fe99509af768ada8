import { createRoute, lazyRouteComponent } from "@tanstack/react-router";

import { appLayoutRoute } from "./app-layout.tsx";

export const routinesRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/routines",
  component: lazyRouteComponent(() => import("../../features/routines/components/routines-page.tsx"), "RoutinesPage"),
});
