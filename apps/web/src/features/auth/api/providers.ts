import { queryOptions, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /auth/providers: the identity providers configured on the server (none: no buttons). */
export const listProviders = () => unwrap(api.GET("/auth/providers"));
export type TProvider = Awaited<ReturnType<typeof listProviders>>["providers"][number];

export const providersQueryOptions = () =>
  queryOptions({ queryKey: ["auth-providers"], queryFn: listProviders, staleTime: 5 * 60_000 });
export const useProviders = () => useQuery(providersQueryOptions());

/** A full-page navigation to the API, which redirects to the provider (through the web app's /api proxy). */
export const providerStartUrl = (id: string) => `/api/auth/oauth/${encodeURIComponent(id)}/start`;
