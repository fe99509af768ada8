import type { TSecondFactorMethod, TSignInFactor } from "@cto/contracts/api/two-factor";

import { ApiError } from "../../errors.ts";
import { beginSecondFactor, type TAuthLimiters } from "../auth-limits.ts";
import { spendRecoveryCode } from "./recovery-codes.ts";
import { acceptTotpCode, type TTotpDeps } from "./totp.ts";

export type TSecondFactorDeps = TTotpDeps & { limiters: TAuthLimiters };
export type TProof = { method: TSecondFactorMethod; code: string };

/** How long a proven second factor lets a session take sensitive actions without another code. */
export const STEP_UP_MS = 10 * 60_000;

export const wrongCode = (method: TSecondFactorMethod) =>
  new ApiError("validation_failed", "The code is wrong or was already used.", [
    {
      path: "code",
      message:
        method === "totp"
          ? "That code is wrong or was already used; wait for the next one."
          : "That recovery code is wrong or was already used.",
    },
  ]);

/** Whether the user has an authenticator app turned on (codes are a second factor). */
export const hasTotp = async ({ db }: Pick<TTotpDeps, "db">, userId: string) =>
  (await db.totpFactor.count({ where: { userId, enabledAt: { not: null } } })) > 0;

/**
 * The second factors sign-in asks for: none while two-factor is off; with it on, a code or a recovery
 * code, and any of the user's passkeys beside them. A passkey alone does not turn two-factor on: it is
 * a way to sign in of its own (with user verification), and Auth.js-registered passkeys must not lock
 * a password user out of their usual sign-in.
 */
export const secondFactorsOf = async ({ db }: Pick<TTotpDeps, "db">, userId: string): Promise<TSignInFactor[]> => {
  const [totp, passkeys] = await Promise.all([hasTotp({ db }, userId), db.authenticator.count({ where: { userId } })]);
  if (!totp) return [];
  return ["totp", "recovery_code", ...(passkeys > 0 ? (["passkey"] as const) : [])];
};

/** Whether sign-in asks for a second factor (two-factor is on: an authenticator app). */
export const hasSecondFactor = hasTotp;

/**
 * Checks a second factor of a user with two-factor on, counted against the account's limit of wrong
 * codes (a right one is given back); a wrong code is a 400 on `code`, and a recovery code is spent.
 */
export const proveSecondFactor = async (deps: TSecondFactorDeps, userId: string, { method, code }: TProof) => {
  if (!(await hasTotp(deps, userId)))
    throw new ApiError("invalid_state", "Two-factor sign-in is off for this account.");
  const attempt = await beginSecondFactor(deps.limiters, userId);
  const right =
    method === "totp" ? await acceptTotpCode(deps, userId, code) : await spendRecoveryCode(deps.db, userId, code);
  if (!right) throw wrongCode(method);
  await attempt.succeeded();
};

/** Marks the session as having proven a second factor now (sign-in with a code, a step-up). */
export const markStepUp = async ({ db }: Pick<TTotpDeps, "db">, sessionId: string, at = new Date()) => {
  await db.session.updateMany({ where: { id: sessionId }, data: { secondFactorAt: at } });
  return new Date(at.getTime() + STEP_UP_MS);
};

/**
 * Sensitive actions (API key creation, export, account deletion) want a second factor proven on this
 * session within STEP_UP_MS when the user has two-factor on: 403 second_factor_required otherwise, which the
 * web app answers by asking for a code (POST /auth/two-factor/verify) and trying again. API keys are not
 * asked: a key is itself a credential made after such a proof, and scripts cannot type codes.
 */
export const requireFreshSecondFactor = async (
  { db }: Pick<TTotpDeps, "db">,
  auth: { userId: string; via: "session" | "api_key"; sessionId?: string | undefined },
) => {
  if (auth.via !== "session" || !auth.sessionId) return;
  if (!(await hasSecondFactor({ db }, auth.userId))) return;
  const session = await db.session.findUnique({ where: { id: auth.sessionId }, select: { secondFactorAt: true } });
  const provenAt = session?.secondFactorAt?.getTime() ?? 0;
  if (Date.now() - provenAt < STEP_UP_MS) return;
  throw new ApiError(
    "second_factor_required",
    "Confirm this with a code from your authenticator app (POST /auth/two-factor/verify) or a passkey (POST /auth/two-factor/passkey), then try again.",
  );
};
