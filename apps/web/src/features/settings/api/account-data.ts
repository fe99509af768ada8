import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { TApiResponse } from "@cto/contracts/api/endpoints";

import { api, apiFetch, unwrap } from "../../../lib/api-client.ts";
import { ApiError } from "../../../lib/api-error.ts";

/** GET /me/export as a file download (the browser sends the session cookie). */
export const EXPORT_URL = "/api/me/export";

/** POST /me/import: an export archive into this (empty) account. */
export const importArchive = async (file: File) => {
  const text = await file.text();
  try {
    JSON.parse(text);
  } catch {
    throw new ApiError("This file is not a Cto export: it is not JSON.", 400, "bad_request");
  }
  const response = await apiFetch("/me/import", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: text,
  });
  return (await response.json()) as TApiResponse<"/me/import", "post", 201>;
};

export const useImportArchive = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: importArchive, onSuccess: () => queryClient.invalidateQueries() });
};

/** DELETE /me: the account and everything in it; the password confirms it. */
export const useDeleteAccount = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => unwrap(api.DELETE("/me", { body: { password } })),
    onSuccess: () => queryClient.clear(),
  });
};
