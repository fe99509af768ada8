import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { SESSION_QUERY_KEY } from "../../../lib/session.ts";

/** POST /auth/verify-email/request: emails a verification link to the signed-in user. */
export const requestEmailVerification = () => unwrap(api.POST("/auth/verify-email/request"));

/** POST /auth/verify-email: confirms the address with the link's token. */
export const verifyEmail = (token: string) => unwrap(api.POST("/auth/verify-email", { body: { token } }));

export const useRequestEmailVerification = () => useMutation({ mutationFn: requestEmailVerification });

export const useVerifyEmail = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyEmail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY }),
  });
};
