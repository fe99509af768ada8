import type { QueryClient } from "@tanstack/react-query";
import { createRouter, useRouter } from "@tanstack/react-router";

import { Spinner } from "../components/ui/spinner.tsx";
import { ErrorState } from "../components/ui/states.tsx";
import { useTranslation } from "../lib/i18n/index.ts";
import { routeTree } from "./route-tree.ts";

const PendingPage = () => (
  <div className="grid min-h-[40vh] place-items-center">
    <Spinner size="lg" />
  </div>
);

/**
 * A page whose loading failed (the session or its data could not be read: offline, the API down). Try
 * again loads it afresh: resetting the error alone would show the same failed load again.
 */
const RouteError = ({ error }: { error: unknown }) => {
  const router = useRouter();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-lg py-12">
      <ErrorState title={t("notFound.failed")} error={error} onRetry={() => void router.invalidate()} />
    </div>
  );
};

export const createAppRouter = (queryClient: QueryClient) =>
  createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    // Data comes from React Query's cache; the router should not keep a second copy fresh.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PendingPage,
    defaultErrorComponent: RouteError,
    scrollRestoration: true,
  });

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
