import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";

import type { ZConfirmPasswordResetSchema } from "@cto/contracts/api/auth";

import { api, unwrap } from "../../../lib/api-client.ts";

/** POST /auth/password-reset: emails a one-hour link (the answer is the same whether or not the account exists). */
export const requestPasswordReset = (email: string) => unwrap(api.POST("/auth/password-reset", { body: { email } }));

/** POST /auth/password-reset/confirm: sets the new password and signs out every session. */
export const confirmPasswordReset = (body: z.input<typeof ZConfirmPasswordResetSchema>) =>
  unwrap(api.POST("/auth/password-reset/confirm", { body }));

export const useRequestPasswordReset = () => useMutation({ mutationFn: requestPasswordReset });
export const useConfirmPasswordReset = () => useMutation({ mutationFn: confirmPasswordReset });
