import { createRoute, Outlet, redirect, useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";

import { AppShell } from "../../components/layout/app-shell.tsx";
import { useSignOut } from "../../features/auth/api/sign-out.ts";
import { applyLocale, browserLocale, localeOf, rememberLocale, useTranslation } from "../../lib/i18n/index.ts";
import { sessionQueryOptions, useSession } from "../../lib/session.ts";
import { applyTheme, themeOf } from "../../lib/theme.ts";
import { rootRoute } from "./root.tsx";

const SignedInLayout = () => {
  const { data: session } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  // The signed-in user's preferences.theme, applied whenever it changes (Settings saves it).
  const theme = themeOf(session?.user.preferences);
  useEffect(() => applyTheme(theme), [theme]);
  // preferences.locale, or the browser's languages when the person has not chosen one.
  const chosenLocale = localeOf(session?.user.preferences);
  useEffect(() => {
    rememberLocale(chosenLocale);
    void applyLocale(chosenLocale ?? browserLocale());
  }, [chosenLocale]);
  const { i18n } = useTranslation();
  if (!session) return null;
  return (
    <AppShell
      user={session.user}
      signingOut={signOut.isPending}
      onSignOut={() => signOut.mutate(undefined, { onSuccess: () => void navigate({ to: "/sign-in" }) })}
    >
      {/* A new language renders the page anew, so every date and number on it is formatted in it. */}
      <Outlet key={i18n.language} />
    </AppShell>
  );
};

/**
 * Every signed-in page is a child of this pathless route: it loads the session (GET /auth/session)
 * once and sends anyone without one to /sign-in, remembering where they were going.
 */
export const appLayoutRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions());
    if (!session) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
    return { session };
  },
  component: SignedInLayout,
});
