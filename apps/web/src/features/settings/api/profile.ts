import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { paths } from "@cto/contracts/api/openapi";

import { api, unwrap } from "../../../lib/api-client.ts";
import { SESSION_QUERY_KEY, type TSession } from "../../auth/api/get-session.ts";

export type TProfilePatch = NonNullable<paths["/me"]["patch"]["requestBody"]>["content"]["application/json"];

/**
 * PATCH /me: name, career profile and preferences; fields left out are kept. The answer is the
 * stored user, which replaces the session's copy so the shell (name, avatar) updates at once.
 */
export const useUpdateProfile = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TProfilePatch) => unwrap(api.PATCH("/me", { body })),
    onSuccess: (user) => queryClient.setQueryData<TSession | null>(SESSION_QUERY_KEY, (session) => (session ? { ...session, user } : session)),
  });
};
