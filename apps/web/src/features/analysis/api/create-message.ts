import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { analysisKeys, type TAuthor } from "./types.ts";

export type TNewMessage = { sessionId: string; text: string; author: TAuthor };

/** POST /analysis-sessions/{id}/messages: one line of the conversation to analyse. */
export const createMessage = ({ sessionId, ...body }: TNewMessage) => unwrap(api.POST("/analysis-sessions/{id}/messages", { params: { path: { id: sessionId } }, body }));

export const useCreateMessage = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMessage,
    onSuccess: (_message, { sessionId }) => {
      void queryClient.invalidateQueries({ queryKey: analysisKeys.messages(sessionId) });
      // A new message moves lastActivity, so the list order changes.
      void queryClient.invalidateQueries({ queryKey: analysisKeys.lists });
    },
  });
};
