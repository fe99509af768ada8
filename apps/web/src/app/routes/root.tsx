import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, Outlet } from "@tanstack/react-router";

export type TRouterContext = { queryClient: QueryClient };

/** The root of every route: signed-in pages hang under `appLayoutRoute`, signed-out ones beside it. */
export const rootRoute = createRootRouteWithContext<TRouterContext>()({ component: Outlet });
