import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /api-keys: names and prefixes, never the keys. */
export const listApiKeys = () => unwrap(api.GET("/api-keys"));
export type TApiKey = Awaited<ReturnType<typeof listApiKeys>>["items"][number];

export const apiKeysQueryOptions = () => queryOptions({ queryKey: ["api-keys"], queryFn: listApiKeys });
export const useApiKeys = () => useQuery(apiKeysQueryOptions());

/** POST /api-keys: the answer holds the full key, this once. */
export const useCreateApiKey = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.POST("/api-keys", { body: { name } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["api-keys"] }),
  });
};

/** DELETE /api-keys/{id}: revoke. */
export const useRevokeApiKey = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api-keys/{id}", { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["api-keys"] }),
  });
};
