import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { TApiResponse } from "@cto/contracts/api/endpoints";

import { apiFetch } from "../../../lib/api-client.ts";

/** A file's type as the API reads it: browsers leave `type` empty for some extensions, and Windows names ZIPs its own way. */
const typeOf = (file: File) =>
  /\.zip$/i.test(file.name) || /zip/i.test(file.type) ? "application/zip" : "application/json";

/** POST /conversations/import: a ChatGPT or Claude export (its ZIP or conversations.json), sent as it is read from disk. */
export const importAssistantExport = async (file: File) => {
  const response = await apiFetch("/conversations/import", {
    method: "POST",
    headers: { "content-type": typeOf(file) },
    body: file,
  });
  return (await response.json()) as TApiResponse<"/conversations/import", "post", 201>;
};

export const useImportAssistantExport = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importAssistantExport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["conversations"] }),
  });
};
