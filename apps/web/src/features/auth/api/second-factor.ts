import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { TCompleteSignIn } from "@cto/contracts/api/two-factor";

import { api, unwrap } from "../../../lib/api-client.ts";
import { SESSION_QUERY_KEY } from "../../../lib/session.ts";

/** POST /auth/sign-in/second-factor: the challenge of a right password and a code make a session. */
export const completeSignIn = (body: TCompleteSignIn) => unwrap(api.POST("/auth/sign-in/second-factor", { body }));

export const useCompleteSignIn = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeSignIn,
    onSuccess: (session) => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_QUERY_KEY, session);
    },
  });
};
