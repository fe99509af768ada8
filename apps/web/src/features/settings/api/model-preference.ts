import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import type { TPutModelPreference } from "@cto/contracts/api/coaching";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /me/model: the chat model (null: the platform default) and preferred models. */
export const getModelPreference = () => unwrap(api.GET("/me/model"));

export const modelPreferenceQueryOptions = () =>
  queryOptions({ queryKey: ["me", "model"], queryFn: getModelPreference });
export const useModelPreference = () => useQuery(modelPreferenceQueryOptions());

/** PUT /me/model. */
export const useSaveModelPreference = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPutModelPreference) => unwrap(api.PUT("/me/model", { body })),
    onSuccess: (data) => queryClient.setQueryData(["me", "model"], data),
  });
};
