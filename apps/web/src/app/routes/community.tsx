import { createRoute, lazyRouteComponent } from "@tanstack/react-router";

import type { TCommunitySearch } from "../../features/community/components/community-page.tsx";
import { appLayoutRoute } from "./app-layout.tsx";

export const communityRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/community",
  validateSearch: (search: Record<string, unknown>): TCommunitySearch => ({
    tab: search.tab === "posts" || search.tab === "stories" ? search.tab : undefined,
    post: typeof search.post === "string" && search.post ? search.post : undefined,
  }),
  component: lazyRouteComponent(
    () => import("../../features/community/components/community-page.tsx"),
    "CommunityPage",
  ),
});
