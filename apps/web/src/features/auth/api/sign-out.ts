import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, ApiError, unwrap } from "../../../lib/api-client.ts";
import { SESSION_QUERY_KEY } from "../../../lib/session.ts";

/** POST /auth/sign-out: revokes this session. An already-ended session counts as signed out. */
export const signOut = async () => {
  try {
    await unwrap(api.POST("/auth/sign-out"));
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
};

export const useSignOut = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
    },
  });
};
