import { createRoute, lazyRouteComponent } from "@tanstack/react-router";

import { appLayoutRoute } from "./app-layout.tsx";

/** Right after sign-up: the short, skippable introduction to the coach. */
export const onboardingRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/welcome",
  component: lazyRouteComponent(
    () => import("../../features/onboarding/components/onboarding-page.tsx"),
    "OnboardingPage",
  ),
});
