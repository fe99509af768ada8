import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import type { TPutUserContext } from "@cto/contracts/api/coaching";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /me/context: the profile the coach knows; null before the first save. */
export const getUserContext = () => unwrap(api.GET("/me/context"));

export type TUserContext = NonNullable<Awaited<ReturnType<typeof getUserContext>>>;
/** PUT /me/context's body: the whole profile (a field left out is cleared). */
export type TUserContextInput = TPutUserContext;

export const userContextQueryOptions = () => queryOptions({ queryKey: ["me", "context"], queryFn: getUserContext });
export const useUserContext = () => useQuery(userContextQueryOptions());

/** PUT /me/context: replaces the whole profile (fields left out are cleared). */
export const useSaveUserContext = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUserContextInput) => unwrap(api.PUT("/me/context", { body })),
    onSuccess: (data) => queryClient.setQueryData(["me", "context"], data),
  });
};
