import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { analysisKeys, type TOcrItem } from "./types.ts";

/** PUT /analysis-sessions/{id}/ocr-result: keep corrections without confirming yet. */
export const saveOcr = ({ id, items }: { id: string; items: TOcrItem[] }) =>
  unwrap(api.PUT("/analysis-sessions/{id}/ocr-result", { params: { path: { id } }, body: items }));

/** POST /analysis-sessions/{id}/ocr-result/confirm: the checked lines become the session's messages. */
export const confirmOcr = ({ id, items }: { id: string; items: TOcrItem[] }) =>
  unwrap(api.POST("/analysis-sessions/{id}/ocr-result/confirm", { params: { path: { id } }, body: { items } }));

export const useSaveOcr = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveOcr,
    onSuccess: (session) => queryClient.setQueryData(analysisKeys.session(session.id), session),
  });
};

export const useConfirmOcr = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmOcr,
    onSuccess: ({ session, messages }) => {
      queryClient.setQueryData(analysisKeys.session(session.id), session);
      queryClient.setQueryData(analysisKeys.messages(session.id), messages);
      void queryClient.invalidateQueries({ queryKey: analysisKeys.lists });
    },
  });
};
