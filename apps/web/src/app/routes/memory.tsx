import { createRoute, lazyRouteComponent } from "@tanstack/react-router";

import { appLayoutRoute } from "./app-layout.tsx";

export const memoryRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/memory",
  component: lazyRouteComponent(() => import("../../features/memory/components/memory-page.tsx"), "MemoryPage"),
});
