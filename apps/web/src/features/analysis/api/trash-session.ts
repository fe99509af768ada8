import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { analysisKeys } from "./types.ts";

/** DELETE /analysis-sessions/{id}: into the trash, or gone for good with `permanent`. */
export const trashSession = ({ id, permanent = false }: { id: string; permanent?: boolean }) =>
  unwrap(
    api.DELETE("/analysis-sessions/{id}", {
      params: { path: { id }, query: { permanent: permanent ? "true" : "false" } },
    }),
  );

/** POST /analysis-sessions/{id}/restore: out of the trash. */
export const restoreSession = (id: string) =>
  unwrap(api.POST("/analysis-sessions/{id}/restore", { params: { path: { id } } }));

const useRefreshingMutation = <T>(mutationFn: (input: T) => Promise<unknown>) => {
  const queryClient = useQueryClient();
  // Only the lists: refetching the trashed session itself would answer 404 under the page that trashed it.
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: analysisKeys.lists }) });
};

export const useTrashSession = () => useRefreshingMutation(trashSession);
export const useRestoreSession = () => useRefreshingMutation(restoreSession);
