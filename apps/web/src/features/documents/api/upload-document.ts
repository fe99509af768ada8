import { useMutation, useQueryClient } from "@tanstack/react-query";

import { DOCUMENT_FIELD, type TDocument } from "@cto/contracts/api/documents";

import { apiFetch } from "../../../lib/api-client.ts";
import { documentKeys } from "./keys.ts";

/** POST /documents as multipart/form-data (field `file`): openapi-fetch sends JSON, so this goes through apiFetch. */
export const uploadDocument = async (file: File): Promise<TDocument> => {
  const body = new FormData();
  body.append(DOCUMENT_FIELD, file);
  return (await (await apiFetch("/documents", { method: "POST", body })).json()) as TDocument;
};

export const useUploadDocument = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadDocument,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.list }),
  });
};
