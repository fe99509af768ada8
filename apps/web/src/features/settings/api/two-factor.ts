import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import type { TSecondFactorProof } from "@cto/contracts/api/two-factor";

import { api, ApiError, unwrap } from "../../../lib/api-client.ts";

const KEY = ["two-factor"];

/** GET /auth/two-factor: off, enrolling or on; recovery codes left; until when this session may take sensitive actions. */
export const getTwoFactorStatus = () => unwrap(api.GET("/auth/two-factor"));
export const twoFactorQueryOptions = () => queryOptions({ queryKey: KEY, queryFn: getTwoFactorStatus });
export const useTwoFactorStatus = () => useQuery(twoFactorQueryOptions());

const useTwoFactorMutation = <TInput, TOutput>(mutationFn: (input: TInput) => Promise<TOutput>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }) });
};

/** POST /auth/two-factor/totp: a new secret and its otpauth:// URI (off until confirmed). */
export const useStartTotp = () => useTwoFactorMutation(() => unwrap(api.POST("/auth/two-factor/totp")));

/** POST /auth/two-factor/totp/confirm: on, with the recovery codes shown once. */
export const useConfirmTotp = () =>
  useTwoFactorMutation((code: string) => unwrap(api.POST("/auth/two-factor/totp/confirm", { body: { code } })));

/** POST /auth/two-factor/totp/disable. */
export const useDisableTotp = () =>
  useTwoFactorMutation((body: TSecondFactorProof) => unwrap(api.POST("/auth/two-factor/totp/disable", { body })));

/** POST /auth/two-factor/recovery-codes: new codes; the old ones stop working. */
export const useRegenerateRecoveryCodes = () =>
  useTwoFactorMutation((body: TSecondFactorProof) => unwrap(api.POST("/auth/two-factor/recovery-codes", { body })));

/** POST /auth/two-factor/verify: a step-up for this session's sensitive actions. */
export const useStepUp = () =>
  useTwoFactorMutation((body: TSecondFactorProof) => unwrap(api.POST("/auth/two-factor/verify", { body })));

/** Whether the API refused a sensitive action until this session proves a second factor. */
export const needsSecondFactor = (error: unknown) =>
  error instanceof ApiError && error.code === "second_factor_required";
