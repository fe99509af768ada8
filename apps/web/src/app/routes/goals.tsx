import { createRoute, lazyRouteComponent } from "@tanstack/react-router";

import type { TGoalsSearch } from "../../features/goals/components/goals-page.tsx";
import { appLayoutRoute } from "./app-layout.tsx";

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);

export const goalsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/goals",
  validateSearch: (search: Record<string, unknown>): TGoalsSearch => ({
    tab: search.tab === "commitments" || search.tab === "goals" ? search.tab : undefined,
    goal: text(search.goal),
    commitment: text(search.commitment),
  }),
  component: lazyRouteComponent(() => import("../../features/goals/components/goals-page.tsx"), "GoalsPage"),
});
