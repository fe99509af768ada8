import { createRoute, lazyRouteComponent } from "@tanstack/react-router";

import { appLayoutRoute } from "./app-layout.tsx";

export const documentsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/documents",
  // A cited source opens its document: `?document=<id>` marks it in the list.
  validateSearch: (search: Record<string, unknown>): { document?: string } =>
    typeof search.document === "string" ? { document: search.document } : {},
  component: lazyRouteComponent(
    () => import("../../features/documents/components/documents-page.tsx"),
    "DocumentsPage",
  ),
});
