import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import type { TPutUserContext } from "@cto/contracts/api/coaching";

import { api, unwrap } from "../../../lib/api-client.ts";

const KEY = ["me", "context"] as const;

/** GET /me/context: the profile the coach reads on every reply; null before anything was told. */
export const contextQueryOptions = () => queryOptions({ queryKey: KEY, queryFn: () => unwrap(api.GET("/me/context")) });
export const useContextProfile = () => useQuery(contextQueryOptions());

/** PUT /me/context replaces the whole profile: forgetting a field sends the rest as it is. */
export const useSaveContext = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPutUserContext) => unwrap(api.PUT("/me/context", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
};
