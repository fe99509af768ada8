import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";

import type { ZUpdateAnalysisMessageSchema } from "@cto/contracts/api/analysis";

import { api, unwrap } from "../../../lib/api-client.ts";
import { analysisKeys, type TAnalysisMessage } from "./types.ts";

export type TMessageChange = z.input<typeof ZUpdateAnalysisMessageSchema> & { sessionId: string; messageId: string };

/** PATCH /analysis-messages/{id}: e.g. the collections a message is in (the whole list). */
export const updateMessage = ({ sessionId: _sessionId, messageId, ...body }: TMessageChange) =>
  unwrap(api.PATCH("/analysis-messages/{id}", { params: { path: { id: messageId } }, body }));

export const useUpdateMessage = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMessage,
    onSuccess: (message, { sessionId }) => {
      queryClient.setQueryData<TAnalysisMessage[]>(analysisKeys.messages(sessionId), (messages) =>
        messages?.map((item) => (item.id === message.id ? message : item)),
      );
      // A filtered view may gain or lose the message, and the collections' sizes change.
      void queryClient.invalidateQueries({ queryKey: analysisKeys.messages(sessionId), exact: false });
      void queryClient.invalidateQueries({ queryKey: analysisKeys.collections });
    },
  });
};
