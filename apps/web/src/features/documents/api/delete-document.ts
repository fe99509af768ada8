import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { documentKeys } from "./keys.ts";

/** DELETE /documents/{id}: the document, its chunks and their embeddings. */
export const deleteDocument = (id: string) => unwrap(api.DELETE("/documents/{id}", { params: { path: { id } } }));

export const useDeleteDocument = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteDocument,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.list }),
  });
};
