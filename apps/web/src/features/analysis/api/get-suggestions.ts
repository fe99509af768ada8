import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { analysisKeys } from "./types.ts";

/**
 * POST /analysis-sessions/{id}/suggestions: the AI writes reply suggestions (title, tag, why this
 * works) from the chat and the knowledge base, and the session completes. Uses one of the day's
 * AI generations (429 when spent).
 */
export const getSuggestions = ({ id, count = 3 }: { id: string; count?: number }) =>
  unwrap(api.POST("/analysis-sessions/{id}/suggestions", { params: { path: { id } }, body: { count } }));

export const useGetSuggestions = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: getSuggestions,
    onSuccess: ({ session }) => {
      queryClient.setQueryData(analysisKeys.session(session.id), session);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: analysisKeys.messages(session.id) }),
        queryClient.invalidateQueries({ queryKey: analysisKeys.lists }),
      ]);
    },
  });
};
