import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";

import type { ZUpdateAnalysisSessionSchema } from "@cto/contracts/api/analysis";

import { api, unwrap } from "../../../lib/api-client.ts";
import { analysisKeys, type TAnalysisSession, type TAnalysisStatus } from "./types.ts";

export type TSessionChange = z.input<typeof ZUpdateAnalysisSessionSchema>;

/** PATCH /analysis-sessions/{id}: rename or pin. The status only moves through /transition. */
export const updateSession = ({ id, ...body }: TSessionChange & { id: string }) =>
  unwrap(api.PATCH("/analysis-sessions/{id}", { params: { path: { id } }, body }));

/** POST /analysis-sessions/{id}/transition; the API refuses a move its state machine does not allow (409). */
export const transitionSession = ({ id, status }: { id: string; status: TAnalysisStatus }) =>
  unwrap(api.POST("/analysis-sessions/{id}/transition", { params: { path: { id } }, body: { status } }));

const useSessionMutation = <T extends { id: string }>(mutationFn: (input: T) => Promise<TAnalysisSession>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (session) => {
      queryClient.setQueryData(analysisKeys.session(session.id), session);
      void queryClient.invalidateQueries({ queryKey: analysisKeys.lists });
    },
  });
};

export const useUpdateSession = () => useSessionMutation(updateSession);
export const useTransitionSession = () => useSessionMutation(transitionSession);
