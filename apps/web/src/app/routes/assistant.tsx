import { createRoute, lazyRouteComponent, notFound } from "@tanstack/react-router";

import { isEntityKind } from "../../features/assistant/api/types.ts";
import type { TAssistantSearch } from "../../features/assistant/components/assistant-page.tsx";
import { appLayoutRoute } from "./app-layout.tsx";

export const assistantRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/assistant",
  validateSearch: (search: Record<string, unknown>): TAssistantSearch => ({
    tab: isEntityKind(search.tab) ? search.tab : undefined,
  }),
  component: lazyRouteComponent(
    () => import("../../features/assistant/components/assistant-page.tsx"),
    "AssistantPage",
  ),
});

/** /assistant/person/<id> and so on; an unknown kind is the not-found page. */
export const assistantEntityRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/assistant/$kind/$id",
  beforeLoad: ({ params }) => {
    if (!isEntityKind(params.kind)) throw notFound();
  },
  component: lazyRouteComponent(() => import("../../features/assistant/components/entity-page.tsx"), "EntityPage"),
});
