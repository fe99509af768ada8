import { ApiError } from "../../errors.ts";
import { hashToken, newToken } from "../../lib/tokens.ts";
import { proveSecondFactor, type TProof, type TSecondFactorDeps } from "./second-factor.ts";

/** How long the second step of a sign-in may take. */
export const CHALLENGE_MS = 5 * 60_000;
/** Wrong codes one challenge takes before it is spent (the account's own limit counts them too). */
export const CHALLENGE_MAX_FAILURES = 5;

const expired = () =>
  new ApiError("unauthorized", "This sign-in has expired or was already completed; sign in with your password again.");

/**
 * The challenge a correct password (or an identity provider's sign-in, `viaProvider`) earns when
 * two-factor is on: its token goes to the client, only its hash is kept.
 */
export const createSignInChallenge = async (
  { db }: Pick<TSecondFactorDeps, "db">,
  userId: string,
  viaProvider = false,
) => {
  const token = newToken();
  const expiresAt = new Date(Date.now() + CHALLENGE_MS);
  // The user's stale challenges go when a new one is made; a spent one is deleted when used.
  await db.signInChallenge.deleteMany({ where: { userId, expiresAt: { lte: new Date() } } });
  await db.signInChallenge.create({ data: { userId, tokenHash: hashToken(token), expiresAt, viaProvider } });
  return { token, expiresAt };
};

/**
 * The second step of a sign-in: a live challenge and a right code give the user to sign in, and spend
 * the challenge (once: of two requests racing with one challenge, one signs in). An unknown, expired or
 * spent token is a 401; a wrong code a 400, and the fifth spends the challenge.
 */
export const completeSignInChallenge = async (deps: TSecondFactorDeps, token: string, proof: TProof) => {
  const { db } = deps;
  const challenge = await db.signInChallenge.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, name: true, isActive: true } } },
  });
  if (!challenge?.user.isActive) throw expired();
  if (challenge.expiresAt.getTime() <= Date.now()) {
    await db.signInChallenge.deleteMany({ where: { id: challenge.id } });
    throw expired();
  }
  try {
    await proveSecondFactor(deps, challenge.userId, proof);
  } catch (error) {
    if (error instanceof ApiError && error.code === "validation_failed") {
      await db.signInChallenge.updateMany({ where: { id: challenge.id }, data: { failures: { increment: 1 } } });
      await db.signInChallenge.deleteMany({ where: { id: challenge.id, failures: { gte: CHALLENGE_MAX_FAILURES } } });
    }
    throw error;
  }
  const { count } = await db.signInChallenge.deleteMany({ where: { id: challenge.id } });
  if (count === 0) throw expired();
  const user = await db.user.update({ where: { id: challenge.userId }, data: { lastSeenAt: new Date() } });
  const first = challenge.viaProvider ? "PROVIDER" : "PASSWORD";
  return { user, method: `${first}_${proof.method === "totp" ? "TOTP" : "RECOVERY_CODE"}` as const };
};
