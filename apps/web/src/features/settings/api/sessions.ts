import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

/** GET /sessions: where you are signed in, most recently used first. */
export const listSessions = () => unwrap(api.GET("/sessions"));
export type TSessionInfo = Awaited<ReturnType<typeof listSessions>>["items"][number];

export const sessionsQueryOptions = () => queryOptions({ queryKey: ["sessions"], queryFn: listSessions });
export const useSessions = () => useQuery(sessionsQueryOptions());

/** DELETE /sessions/{id}: sign that device out. */
export const useRevokeSession = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/sessions/{id}", { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["sessions"] }),
  });
};
