import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";

const KEY = ["passkeys"];
// The two-factor status counts passkeys: it changes with them.
const TWO_FACTOR_KEY = ["two-factor"];

/** GET /auth/passkeys: the account's passkeys, oldest first. */
export const getPasskeys = () => unwrap(api.GET("/auth/passkeys"));
export const passkeysQueryOptions = () => queryOptions({ queryKey: KEY, queryFn: getPasskeys });
export const usePasskeys = () => useQuery(passkeysQueryOptions());

const usePasskeyMutation = <TInput, TOutput>(mutationFn: (input: TInput) => Promise<TOutput>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: KEY }),
        queryClient.invalidateQueries({ queryKey: TWO_FACTOR_KEY }),
      ]);
    },
  });
};

/** Adds a passkey: the API's creation options, the browser's new credential, then POST /auth/passkeys. */
export const addPasskey = async (name: string | undefined) => {
  const optionsJSON = await unwrap(api.POST("/auth/passkeys/options"));
  const response = await startRegistration({ optionsJSON });
  return unwrap(api.POST("/auth/passkeys", { body: { response, ...(name ? { name } : {}) } }));
};
export const useAddPasskey = () => usePasskeyMutation(addPasskey);

export const useRenamePasskey = () =>
  usePasskeyMutation(({ id, name }: { id: string; name: string }) =>
    unwrap(api.PATCH("/auth/passkeys/{id}", { params: { path: { id } }, body: { name } })),
  );

export const useDeletePasskey = () =>
  usePasskeyMutation((id: string) => unwrap(api.DELETE("/auth/passkeys/{id}", { params: { path: { id } } })));

/** A step-up with a passkey: this session may take sensitive actions for the next ten minutes. */
export const usePasskeyStepUp = () =>
  usePasskeyMutation(async (_: undefined) => {
    const optionsJSON = await unwrap(api.POST("/auth/two-factor/passkey/options"));
    const response = await startAuthentication({ optionsJSON });
    return unwrap(api.POST("/auth/two-factor/passkey", { body: { response } }));
  });
