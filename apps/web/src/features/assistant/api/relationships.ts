import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";

import type { TCreateRelationship } from "@cto/contracts/api/assistant";

import { api, unwrap } from "../../../lib/api-client.ts";
import { assistantKeys } from "./types.ts";

/** GET /relationships?entityId=: the links with this entity at either end, 50 at a time (the API's cursor). */
export const getLinks = (id: string, cursor?: string) =>
  unwrap(api.GET("/relationships", { params: { query: { entityId: id, limit: 50, ...(cursor ? { cursor } : {}) } } }));

export const linksQueryOptions = (id: string) =>
  infiniteQueryOptions({
    queryKey: assistantKeys.links(id),
    queryFn: ({ pageParam }) => getLinks(id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useLinks = (id: string) => useInfiniteQuery(linksQueryOptions(id));

export type TNewLink = TCreateRelationship;

/** POST /relationships: both ends must be yours (404 otherwise), and not the same entity. */
export const createLink = (body: TNewLink) => unwrap(api.POST("/relationships", { body }));

/** DELETE /relationships/{id}. */
export const deleteLink = ({ id }: { id: string; entityId: string }) =>
  unwrap(api.DELETE("/relationships/{id}", { params: { path: { id }, query: { permanent: "true" } } }));

export const useCreateLink = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createLink,
    onSuccess: (_link, { sourceId, targetId }) =>
      Promise.all(
        [sourceId, targetId].map((id) => queryClient.invalidateQueries({ queryKey: assistantKeys.links(id) })),
      ),
  });
};

export const useDeleteLink = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteLink,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["assistant", "links"] }),
  });
};
