import { ApiError } from "../../errors.ts";
import { beginSecondFactor } from "../auth-limits.ts";
import { recoveryCodesLeft, replaceRecoveryCodes } from "./recovery-codes.ts";
import {
  markStepUp,
  proveSecondFactor,
  STEP_UP_MS,
  type TProof,
  type TSecondFactorDeps,
  wrongCode,
} from "./second-factor.ts";
import { acceptTotpCode, newTotpSecret } from "./totp.ts";

/** Where the account's two-factor stands, and until when this session may take sensitive actions. */
export const twoFactorStatus = async ({ db }: Pick<TSecondFactorDeps, "db">, userId: string, sessionId?: string) => {
  const [factor, left, passkeys, session] = await Promise.all([
    db.totpFactor.findUnique({ where: { userId }, select: { enabledAt: true } }),
    recoveryCodesLeft(db, userId),
    db.authenticator.count({ where: { userId } }),
    sessionId ? db.session.findUnique({ where: { id: sessionId }, select: { secondFactorAt: true } }) : null,
  ]);
  const until = session?.secondFactorAt ? session.secondFactorAt.getTime() + STEP_UP_MS : null;
  return {
    totp: factor ? (factor.enabledAt ? ("on" as const) : ("enrolling" as const)) : ("off" as const),
    enabledAt: factor?.enabledAt?.getTime() ?? null,
    recoveryCodesLeft: factor?.enabledAt ? left : 0,
    passkeys,
    stepUpUntil: factor?.enabledAt && until && until > Date.now() ? until : null,
  };
};

/** A new secret for the authenticator app; replaces an unconfirmed one. Nothing changes at sign-in until it is confirmed. */
export const startTotpEnrolment = async (
  { db, secrets }: Pick<TSecondFactorDeps, "db" | "secrets">,
  userId: string,
) => {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true } });
  const existing = await db.totpFactor.findUnique({ where: { userId: user.id }, select: { enabledAt: true } });
  if (existing?.enabledAt) throw new ApiError("conflict", "Two-factor sign-in is already on; turn it off first.");
  const enrolment = newTotpSecret(user.email);
  const secret = secrets.encrypt(enrolment.secret);
  await db.totpFactor.upsert({
    where: { userId: user.id },
    create: { userId: user.id, secret },
    update: { secret, lastStep: null },
  });
  return enrolment;
};

/**
 * Turns two-factor on with a first code from the enrolled authenticator, makes the recovery codes
 * (returned this once) and counts as a step-up for this session.
 */
export const confirmTotp = async (deps: TSecondFactorDeps, userId: string, code: string, sessionId?: string) => {
  const factor = await deps.db.totpFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
  if (!factor) throw new ApiError("invalid_state", "Start the set-up first (POST /auth/two-factor/totp).");
  if (factor.enabledAt) throw new ApiError("conflict", "Two-factor sign-in is already on.");
  const attempt = await beginSecondFactor(deps.limiters, userId);
  if (!(await acceptTotpCode(deps, userId, code, { enabled: false }))) throw wrongCode("totp");
  await attempt.succeeded();
  const codes = await deps.db.$transaction(async (tx) => {
    await tx.totpFactor.update({ where: { userId }, data: { enabledAt: new Date() } });
    return replaceRecoveryCodes(tx, userId);
  });
  if (sessionId) await markStepUp(deps, sessionId);
  return codes;
};

/** Turns two-factor off (a code or a recovery code first): the authenticator's secret and recovery codes are deleted. */
export const disableTotp = async (deps: TSecondFactorDeps, userId: string, proof: TProof) => {
  await proveSecondFactor(deps, userId, proof);
  await deps.db.$transaction([
    deps.db.totpFactor.deleteMany({ where: { userId } }),
    deps.db.recoveryCode.deleteMany({ where: { userId } }),
  ]);
};

/** New recovery codes (a code first); the old ones stop working. */
export const regenerateRecoveryCodes = async (deps: TSecondFactorDeps, userId: string, proof: TProof) => {
  await proveSecondFactor(deps, userId, proof);
  return replaceRecoveryCodes(deps.db, userId);
};

/** A step-up: a second factor proven on this session lets it take sensitive actions for STEP_UP_MS. */
export const stepUp = async (deps: TSecondFactorDeps, userId: string, sessionId: string, proof: TProof) => {
  await proveSecondFactor(deps, userId, proof);
  return markStepUp(deps, sessionId);
};
