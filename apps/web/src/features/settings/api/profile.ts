import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { TUpdateProfile } from "@cto/contracts/api/auth";

import { api, unwrap } from "../../../lib/api-client.ts";
import { SESSION_QUERY_KEY, type TSession } from "../../../lib/session.ts";

export type TProfilePatch = TUpdateProfile;

/**
 * PATCH /me: name, career profile and preferences; fields left out are kept. The answer is the
 * stored user, which replaces the session's copy so the shell (name, avatar) updates at once.
 */
export const useUpdateProfile = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TProfilePatch) => unwrap(api.PATCH("/me", { body })),
    onSuccess: (user) =>
      queryClient.setQueryData<TSession | null>(SESSION_QUERY_KEY, (session) =>
        session ? { ...session, user } : session,
      ),
  });
};
