import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";

import type { ZCreateAnalysisSessionSchema } from "@cto/contracts/api/analysis";

import { api, unwrap } from "../../../lib/api-client.ts";
import { analysisKeys } from "./types.ts";

export type TCreateSessionInput = z.input<typeof ZCreateAnalysisSessionSchema>;

/** POST /analysis-sessions: a new session starts in pending_user_input. */
export const createSession = (body: TCreateSessionInput) => unwrap(api.POST("/analysis-sessions", { body }));

export const useCreateSession = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSession,
    onSuccess: (session) => {
      queryClient.setQueryData(analysisKeys.session(session.id), session);
      void queryClient.invalidateQueries({ queryKey: analysisKeys.lists });
    },
  });
};
