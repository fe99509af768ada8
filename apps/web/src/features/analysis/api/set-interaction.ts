import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { analysisKeys, type TAnalysisMessage, type TInteraction } from "./types.ts";

export type TInteractionInput = { sessionId: string; messageId: string; type: TInteraction; on: boolean };

/** POST or DELETE /analysis-messages/{id}/interactions/{type}; liking takes a dislike away and vice versa. */
export const setInteraction = ({ messageId, type, on }: TInteractionInput) => {
  const params = { path: { id: messageId, type } };
  return unwrap(
    on
      ? api.POST("/analysis-messages/{id}/interactions/{type}", { params })
      : api.DELETE("/analysis-messages/{id}/interactions/{type}", { params }),
  );
};

export const useSetInteraction = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setInteraction,
    onSuccess: (message, { sessionId }) => {
      // The answer is the message with its flags: put it in place instead of reloading the chat.
      queryClient.setQueryData<TAnalysisMessage[]>(analysisKeys.messages(sessionId), (messages) =>
        messages?.map((item) => (item.id === message.id ? message : item)),
      );
      void queryClient.invalidateQueries({ queryKey: analysisKeys.lists });
    },
  });
};
