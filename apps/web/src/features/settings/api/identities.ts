import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /auth/identities: the providers linked to the account, and whether it has a password. */
export const listIdentities = () => unwrap(api.GET("/auth/identities"));
export type TIdentity = Awaited<ReturnType<typeof listIdentities>>["identities"][number];
export const identitiesQueryOptions = () => queryOptions({ queryKey: ["identities"], queryFn: listIdentities });
export const useIdentities = () => useQuery(identitiesQueryOptions());

/** GET /auth/providers: what can be linked (Settings keeps its own fetcher: no imports across features). */
export const useLinkableProviders = () =>
  useQuery({ queryKey: ["auth-providers"], queryFn: () => unwrap(api.GET("/auth/providers")), staleTime: 5 * 60_000 });

/** POST /auth/oauth/{provider}/link, then the browser goes to the provider and comes back to Settings. */
export const useLinkProvider = () =>
  useMutation({
    mutationFn: (provider: string) =>
      unwrap(api.POST("/auth/oauth/{provider}/link", { params: { path: { provider } } })),
    onSuccess: ({ url }) => window.location.assign(url),
  });

/** DELETE /auth/identities/{id}; a 409 says it is the last way to sign in. */
export const useUnlinkIdentity = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/auth/identities/{id}", { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["identities"] }),
  });
};
