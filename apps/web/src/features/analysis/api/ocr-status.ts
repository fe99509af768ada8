import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { analysisKeys, type TAnalysisSession } from "./types.ts";

/** GET /analysis-sessions/{id}/ocr: whether a screenshot is stored, the OCR is pending, and why its last run failed. */
export const getOcrStatus = (id: string) =>
  unwrap(api.GET("/analysis-sessions/{id}/ocr", { params: { path: { id } } }));

export type TOcrStatus = Awaited<ReturnType<typeof getOcrStatus>>;

// Keyed by the session's status, so each move of the state machine reads the OCR's side afresh.
export const ocrStatusQueryOptions = (session: TAnalysisSession) =>
  queryOptions({
    queryKey: [...analysisKeys.ocr(session.id), session.status],
    queryFn: () => getOcrStatus(session.id),
    staleTime: 0,
  });

/** Only screenshot sessions that failed have anything to retry or explain. */
export const useOcrStatus = (session: TAnalysisSession) =>
  useQuery({ ...ocrStatusQueryOptions(session), enabled: session.type === "screenshot" && session.status === "error" });

/** POST /analysis-sessions/{id}/ocr/retry: error → analysis_in_progress, the stored screenshot read again (503 without the queue). */
export const retryOcr = (id: string) =>
  unwrap(api.POST("/analysis-sessions/{id}/ocr/retry", { params: { path: { id } } }));

export const useRetryOcr = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryOcr,
    onSuccess: ({ session }) => {
      queryClient.setQueryData(analysisKeys.session(session.id), session);
      return queryClient.invalidateQueries({ queryKey: analysisKeys.lists });
    },
  });
};
