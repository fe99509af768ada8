import { createRoute, lazyRouteComponent } from "@tanstack/react-router";

import { rootRoute } from "./root.tsx";

/** Opened from a nudge email: `/unsubscribe?token=…` (the worker writes this link); works signed in or not. */
export const unsubscribeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/unsubscribe",
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({
    token: typeof search.token === "string" && search.token ? search.token : undefined,
  }),
  component: lazyRouteComponent(
    () => import("../../features/settings/components/unsubscribe-page.tsx"),
    "UnsubscribePage",
  ),
});
