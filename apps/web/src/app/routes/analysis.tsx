import { createRoute, lazyRouteComponent } from "@tanstack/react-router";

import type { TAnalysisSearch } from "../../features/analysis/components/analysis-page.tsx";
import { appLayoutRoute } from "./app-layout.tsx";

const STATUSES = [
  "pending_user_input",
  "previewing_screenshot",
  "uploading",
  "analysis_in_progress",
  "verifying_ocr",
  "complete",
  "error",
] as const;

export const analysisRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/analysis",
  validateSearch: (search: Record<string, unknown>): TAnalysisSearch => ({
    status: STATUSES.find((status) => status === search.status),
    view: search.view === "trash" ? "trash" : undefined,
  }),
  component: lazyRouteComponent(() => import("../../features/analysis/components/analysis-page.tsx"), "AnalysisPage"),
});

export const analysisSessionRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/analysis/$sessionId",
  component: lazyRouteComponent(() => import("../../features/analysis/components/session-page.tsx"), "SessionPage"),
});
