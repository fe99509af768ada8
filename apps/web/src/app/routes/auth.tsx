import { createRoute, lazyRouteComponent, redirect } from "@tanstack/react-router";

import { sessionQueryOptions } from "../../lib/session.ts";
import { rootRoute } from "./root.tsx";

const stringParam = (value: unknown) => (typeof value === "string" && value ? value : undefined);

// Signed-in people who open the sign-in or sign-up page go straight to the app.
const signedOutOnly = async ({
  context,
}: {
  context: { queryClient: import("@tanstack/react-query").QueryClient };
}) => {
  const session = await context.queryClient.ensureQueryData(sessionQueryOptions());
  if (session) throw redirect({ to: "/" });
};

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  // `link` and `email`: a provider's identity waits for this account's password; `provider_error`: why a
  // provider's sign-in came back refused (the API's callback sends these).
  validateSearch: (
    search: Record<string, unknown>,
  ): { redirect?: string; link?: string; email?: string; provider_error?: string } => ({
    redirect: stringParam(search.redirect),
    link: stringParam(search.link),
    email: stringParam(search.email),
    provider_error: stringParam(search.provider_error),
  }),
  beforeLoad: signedOutOnly,
  component: lazyRouteComponent(() => import("../../features/auth/components/sign-in-page.tsx"), "SignInPage"),
});

export const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-up",
  beforeLoad: signedOutOnly,
  component: lazyRouteComponent(() => import("../../features/auth/components/sign-up-page.tsx"), "SignUpPage"),
});

export const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  component: lazyRouteComponent(
    () => import("../../features/auth/components/forgot-password-page.tsx"),
    "ForgotPasswordPage",
  ),
});

/** Opened from the reset email: `/reset-password?token=…` (the API writes this link). */
export const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: stringParam(search.token) }),
  component: lazyRouteComponent(
    () => import("../../features/auth/components/reset-password-page.tsx"),
    "ResetPasswordPage",
  ),
});

/** Opened from the verification email: `/verify-email?token=…`; works signed in or not. */
export const verifyEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/verify-email",
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: stringParam(search.token) }),
  component: lazyRouteComponent(
    () => import("../../features/auth/components/verify-email-page.tsx"),
    "VerifyEmailPage",
  ),
});
