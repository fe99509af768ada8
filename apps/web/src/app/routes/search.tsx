import { createRoute, lazyRouteComponent } from "@tanstack/react-router";

import { parseSearchParams } from "../../features/search/api/search-params.ts";
import { appLayoutRoute } from "./app-layout.tsx";

export const searchRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/search",
  validateSearch: parseSearchParams,
  component: lazyRouteComponent(() => import("../../features/search/components/search-page.tsx"), "SearchPage"),
});
