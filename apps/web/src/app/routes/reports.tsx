import { createRoute, lazyRouteComponent } from "@tanstack/react-router";

import type { TReportsSearch } from "../../features/reports/components/reports-page.tsx";
import { appLayoutRoute } from "./app-layout.tsx";

const TYPES = ["two_day", "seven_day", "twenty_one_day"] as const;

export const reportsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/reports",
  validateSearch: (search: Record<string, unknown>): TReportsSearch => ({
    type: TYPES.find((type) => type === search.type),
    report: typeof search.report === "string" ? search.report : undefined,
  }),
  component: lazyRouteComponent(() => import("../../features/reports/components/reports-page.tsx"), "ReportsPage"),
});
