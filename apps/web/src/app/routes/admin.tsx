import { createRoute, lazyRouteComponent } from "@tanstack/react-router";

import { appLayoutRoute } from "./app-layout.tsx";

/** Admins only: the page itself tells anyone else so, and the API refuses them (403) regardless. */
export const adminRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/admin",
  component: lazyRouteComponent(() => import("../../features/admin/components/admin-page.tsx"), "AdminPage"),
});
