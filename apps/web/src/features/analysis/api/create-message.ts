import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";

import type { ZCreateAnalysisMessageSchema } from "@cto/contracts/api/analysis";

import { api, unwrap } from "../../../lib/api-client.ts";
import { analysisKeys } from "./types.ts";

/** POST /analysis-sessions/{id}/messages's body, with the session it goes to. */
export type TNewMessage = z.input<typeof ZCreateAnalysisMessageSchema> & { sessionId: string };

/** POST /analysis-sessions/{id}/messages: one line of the conversation to analyse. */
export const createMessage = ({ sessionId, ...body }: TNewMessage) =>
  unwrap(api.POST("/analysis-sessions/{id}/messages", { params: { path: { id: sessionId } }, body }));

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
