import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { SESSION_QUERY_KEY } from "./get-session.ts";

export type TSignUpInput = { email: string; password: string; name?: string };

/** POST /auth/sign-up: creates the account and signs in. */
export const signUp = (body: TSignUpInput) => unwrap(api.POST("/auth/sign-up", { body }));

export const useSignUp = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signUp,
    onSuccess: (session) => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_QUERY_KEY, session);
    },
  });
};
