import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { assistantKeys, type TEntityKind } from "./types.ts";

/** GET /relationships?entityId=: the links with this entity at either end. */
export const getLinks = (id: string) => unwrap(api.GET("/relationships", { params: { query: { entityId: id, limit: 100 } } }));

export const linksQueryOptions = (id: string) => queryOptions({ queryKey: assistantKeys.links(id), queryFn: () => getLinks(id) });

export const useLinks = (id: string) => useQuery(linksQueryOptions(id));

export type TNewLink = { sourceType: TEntityKind; sourceId: string; targetType: TEntityKind; targetId: string; relationship: string; strength?: number };

/** POST /relationships: both ends must be yours (404 otherwise), and not the same entity. */
export const createLink = (body: TNewLink) => unwrap(api.POST("/relationships", { body }));

/** DELETE /relationships/{id}. */
export const deleteLink = ({ id }: { id: string; entityId: string }) => unwrap(api.DELETE("/relationships/{id}", { params: { path: { id }, query: { permanent: "true" } } }));

export const useCreateLink = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createLink,
    onSuccess: (_link, { sourceId, targetId }) => Promise.all([sourceId, targetId].map((id) => queryClient.invalidateQueries({ queryKey: assistantKeys.links(id) }))),
  });
};

export const useDeleteLink = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteLink, onSuccess: () => queryClient.invalidateQueries({ queryKey: ["assistant", "links"] }) });
};
