import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { TApiResponse } from "@cto/contracts/api/endpoints";

import { apiFetch } from "../../../lib/api-client.ts";
import { analysisKeys } from "./types.ts";

type TUploaded = TApiResponse<"/analysis-sessions/{id}/screenshot", "post", 202>;

/**
 * POST /analysis-sessions/{id}/screenshot as multipart/form-data (field `file`): openapi-fetch sends
 * JSON, so this goes through apiFetch. The OCR then runs in the worker; the session page polls.
 */
export const uploadScreenshot = async ({ id, file }: { id: string; file: File }): Promise<TUploaded> => {
  const body = new FormData();
  body.append("file", file);
  const response = await apiFetch(`/analysis-sessions/${encodeURIComponent(id)}/screenshot`, { method: "POST", body });
  return (await response.json()) as TUploaded;
};

export const useUploadScreenshot = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadScreenshot,
    onSuccess: ({ session }) => {
      queryClient.setQueryData(analysisKeys.session(session.id), session);
      return queryClient.invalidateQueries({ queryKey: analysisKeys.lists });
    },
  });
};
