import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";

import type { ZSignInSchema } from "@cto/contracts/api/auth";

import { api, unwrap } from "../../../lib/api-client.ts";
import { SESSION_QUERY_KEY } from "../../../lib/session.ts";

export type TSignInInput = z.input<typeof ZSignInSchema>;

/** POST /auth/sign-in: sets the session cookie, or (two-factor on) answers a challenge for the code step. */
export const signIn = (body: TSignInInput) => unwrap(api.POST("/auth/sign-in", { body }));
type TSignInAnswer = Awaited<ReturnType<typeof signIn>>;
export type TSignInChallenge = Extract<TSignInAnswer, { status: "second_factor_required" }>;
export const isChallenge = (answer: TSignInAnswer): answer is TSignInChallenge =>
  "status" in answer && answer.status === "second_factor_required";

export const useSignIn = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      if (isChallenge(session)) return;
      // Another user's cached data must never show: start from an empty cache with the new session.
      queryClient.clear();
      queryClient.setQueryData(SESSION_QUERY_KEY, session);
    },
  });
};
