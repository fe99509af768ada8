import { adminRoute } from "./routes/admin.tsx";
import { analysisRoute, analysisSessionRoute } from "./routes/analysis.tsx";
import { appLayoutRoute } from "./routes/app-layout.tsx";
import { assistantEntityRoute, assistantRoute } from "./routes/assistant.tsx";
import { forgotPasswordRoute, resetPasswordRoute, signInRoute, signUpRoute, verifyEmailRoute } from "./routes/auth.tsx";
import { chatConversationRoute, chatRoute } from "./routes/chat.tsx";
import { checkInsRoute } from "./routes/check-ins.tsx";
import { communityRoute } from "./routes/community.tsx";
import { dashboardRoute } from "./routes/dashboard.tsx";
import { documentsRoute } from "./routes/documents.tsx";
import { routinesRoute } from "./routes/routines.tsx";
import { goalsRoute } from "./routes/goals.tsx";
import { memoryRoute } from "./routes/memory.tsx";
import { notFoundRoute } from "./routes/not-found.tsx";
import { onboardingRoute } from "./routes/onboarding.tsx";
import { reportsRoute } from "./routes/reports.tsx";
import { rootRoute } from "./routes/root.tsx";
import { searchRoute } from "./routes/search.tsx";
import { settingsRoute } from "./routes/settings.tsx";
import { unsubscribeRoute } from "./routes/unsubscribe.tsx";

/**
 * The whole route tree. To add an area: write `src/app/routes/<area>.tsx` exporting a route whose
 * parent is `appLayoutRoute` (signed in) or `rootRoute` (public), import it here and list it in
 * `signedInRoutes` (or `publicRoutes`). The catch-all `notFoundRoute` stays last.
 */
const signedInRoutes = [
  dashboardRoute,
  chatRoute,
  chatConversationRoute,
  checkInsRoute,
  goalsRoute,
  settingsRoute,
  analysisRoute,
  analysisSessionRoute,
  searchRoute,
  memoryRoute,
  documentsRoute,
  routinesRoute,
  reportsRoute,
  adminRoute,
  communityRoute,
  assistantRoute,
  assistantEntityRoute,
  onboardingRoute,
] as const;

const publicRoutes = [
  signInRoute,
  signUpRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  verifyEmailRoute,
  unsubscribeRoute,
] as const;

export const routeTree = rootRoute.addChildren([
  ...publicRoutes,
  appLayoutRoute.addChildren([...signedInRoutes, notFoundRoute]),
]);
