import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";

import type { ZSignUpSchema } from "@cto/contracts/api/auth";

import { api, unwrap } from "../../../lib/api-client.ts";
import { SESSION_QUERY_KEY } from "../../../lib/session.ts";

export type TSignUpInput = z.input<typeof ZSignUpSchema>;

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
