import { startAuthentication } from "@simplewebauthn/browser";
import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { SESSION_QUERY_KEY } from "../../../lib/session.ts";

/**
 * Sign in with a passkey alone: the API's request options (no email: the browser offers the passkeys
 * it has for this site), the browser's signed answer, and a session.
 */
export const signInWithPasskey = async () => {
  const optionsJSON = await unwrap(api.POST("/auth/sign-in/passkey/options"));
  const response = await startAuthentication({ optionsJSON });
  return unwrap(api.POST("/auth/sign-in/passkey", { body: { response } }));
};

/** The second step of a password (or provider) sign-in with one of the account's passkeys. */
export const completeSignInWithPasskey = async (challengeToken: string) => {
  const optionsJSON = await unwrap(
    api.POST("/auth/sign-in/second-factor/passkey/options", { body: { challengeToken } }),
  );
  const response = await startAuthentication({ optionsJSON });
  return unwrap(api.POST("/auth/sign-in/second-factor/passkey", { body: { challengeToken, response } }));
};

const useSessionMutation = <TInput>(mutationFn: (input: TInput) => ReturnType<typeof signInWithPasskey>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (session) => {
      // Another user's cached data must never show: start from an empty cache with the new session.
      queryClient.clear();
      queryClient.setQueryData(SESSION_QUERY_KEY, session);
    },
  });
};

export const usePasskeySignIn = () => useSessionMutation((_: undefined) => signInWithPasskey());
export const usePasskeySecondFactor = () => useSessionMutation(completeSignInWithPasskey);
