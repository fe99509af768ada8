import type { TPasskeyAuthenticationResponse } from "@cto/contracts/api/passkeys";
import type { Db } from "@cto/db/client";

import { ApiError } from "../../errors.ts";
import { hashToken } from "../../lib/tokens.ts";
import { beginSecondFactor, beginSignIn, type TAuthLimiters } from "../auth-limits.ts";
import { accountDisabled } from "../sessions.ts";
import { markStepUp } from "../two-factor/second-factor.ts";
import { badResponse, keepPasskeyChallenge, type TChallengeBinding, takePasskeyChallenge } from "./challenges.ts";
import { type TPasskeyDeps, transportsOf } from "./registration.ts";
import { webauthn } from "./webauthn.ts";

export type TPasskeySignInDeps = TPasskeyDeps & { limiters: TAuthLimiters };

/** Request options; `userId` lists that user's passkeys (a second factor), none lets the browser offer any. */
const requestOptions = async (
  { db, relyingParty }: TPasskeyDeps,
  purpose: "sign_in" | "second_factor" | "step_up",
  binding: TChallengeBinding,
) => {
  const passkeys = binding.userId
    ? await db.authenticator.findMany({
        where: { userId: binding.userId },
        select: { credentialID: true, transports: true },
      })
    : [];
  if (binding.userId && passkeys.length === 0) throw new ApiError("invalid_state", "This account has no passkey.");
  const { generateAuthenticationOptions } = await webauthn();
  const options = await generateAuthenticationOptions({
    rpID: relyingParty.id,
    allowCredentials: passkeys.map((row) => ({ id: row.credentialID, transports: transportsOf(row) })),
    // Alone, a passkey must prove its user (a PIN, a fingerprint); after a password its presence is enough.
    userVerification: purpose === "sign_in" ? "required" : "preferred",
  });
  await keepPasskeyChallenge(db, options.challenge, purpose, binding);
  return options;
};

/**
 * Checks a signed assertion against the stored passkey it names (of `userId` when given), and moves the
 * stored counter forward with a compare-and-set: an answer whose counter is not past the stored one (a
 * cloned authenticator, or a replay) is refused, and of two answers racing with one counter only one passes.
 */
const verifyAssertion = async (
  { db, relyingParty }: TPasskeyDeps,
  response: TPasskeyAuthenticationResponse,
  challenge: string,
  { userId, requireUserVerification }: { userId?: string; requireUserVerification: boolean },
  beforeCheck: (user: { id: string; email: string }) => Promise<void> = async () => {},
) => {
  const passkey = await db.authenticator.findUnique({ where: { credentialID: response.id }, include: { user: true } });
  if (!passkey || (userId !== undefined && passkey.userId !== userId))
    throw badResponse("This passkey is not one of this account's (it may have been deleted).", "response.id");
  if (!passkey.user.isActive) throw accountDisabled();
  await beforeCheck(passkey.user);
  const { verifyAuthenticationResponse } = await webauthn();
  const verification = await verifyAuthenticationResponse({
    response: { ...response, clientExtensionResults: response.clientExtensionResults ?? {} },
    expectedChallenge: challenge,
    expectedOrigin: relyingParty.origin,
    expectedRPID: relyingParty.id,
    credential: {
      id: passkey.credentialID,
      publicKey: Buffer.from(passkey.credentialPublicKey, "base64url"),
      counter: passkey.counter,
      transports: transportsOf(passkey),
    },
    requireUserVerification,
  }).catch((error: Error) => {
    throw badResponse(`The passkey's answer could not be checked: ${error.message}`);
  });
  if (!verification.verified) throw badResponse("The passkey's answer could not be checked.");
  const { count } = await db.authenticator.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: { counter: verification.authenticationInfo.newCounter, lastUsedAt: new Date() },
  });
  if (count === 0) throw badResponse("This passkey answered twice at once; try again.");
  return passkey.user;
};

/** Options for signing in with a passkey alone: the browser offers the passkeys it has for this site. */
export const passkeySignInOptions = (deps: TPasskeyDeps) => requestOptions(deps, "sign_in", {});

/**
 * A password-less sign-in: the passkey names its user. It counts against that account's sign-in
 * limit as a password would (a right answer gives the attempt back).
 */
export const signInWithPasskey = async (
  deps: TPasskeySignInDeps,
  response: TPasskeyAuthenticationResponse,
  browserToken: string | undefined,
) => {
  const challenge = await takePasskeyChallenge(deps.db, response.response.clientDataJSON, "sign_in", {});
  let attempt: { succeeded: () => Promise<void> } | undefined;
  const user = await verifyAssertion(deps, response, challenge, { requireUserVerification: true }, async (owner) => {
    attempt = await beginSignIn({ limiters: deps.limiters, email: owner.email, browserToken });
  });
  await attempt?.succeeded();
  return deps.db.user.update({ where: { id: user.id }, data: { lastSeenAt: new Date() } });
};

const expired = () =>
  new ApiError("unauthorized", "This sign-in has expired or was already completed; sign in with your password again.");

/** The live password step (SignInChallenge) behind a challenge token. */
const liveSignInChallenge = async (db: Db, token: string) => {
  const challenge = await db.signInChallenge.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!challenge || challenge.expiresAt.getTime() <= Date.now()) throw expired();
  return challenge;
};

/** Options for proving a passkey as the second step of a sign-in (the user's passkeys only). */
export const passkeySecondFactorOptions = async (deps: TPasskeyDeps, token: string) => {
  const challenge = await liveSignInChallenge(deps.db, token);
  return requestOptions(deps, "second_factor", { userId: challenge.userId, signInChallengeId: challenge.id });
};

/**
 * The second step of a sign-in with one of the user's passkeys: spends the password step (once, as a
 * code would) and answers the user and how they signed in. Wrong answers count as wrong codes.
 */
export const completeSignInWithPasskey = async (
  deps: TPasskeySignInDeps,
  token: string,
  response: TPasskeyAuthenticationResponse,
) => {
  const { db } = deps;
  const signInChallenge = await liveSignInChallenge(db, token);
  const { userId } = signInChallenge;
  const challenge = await takePasskeyChallenge(db, response.response.clientDataJSON, "second_factor", {
    userId,
    signInChallengeId: signInChallenge.id,
  });
  const attempt = await beginSecondFactor(deps.limiters, userId);
  await verifyAssertion(deps, response, challenge, { userId, requireUserVerification: false });
  await attempt.succeeded();
  const { count } = await db.signInChallenge.deleteMany({ where: { id: signInChallenge.id } });
  if (count === 0) throw expired();
  const user = await db.user.update({ where: { id: userId }, data: { lastSeenAt: new Date() } });
  return { user, method: signInChallenge.viaProvider ? ("PROVIDER_PASSKEY" as const) : ("PASSWORD_PASSKEY" as const) };
};

/** Options for a step-up with a passkey on this session. */
export const passkeyStepUpOptions = (deps: TPasskeyDeps, userId: string, sessionId: string) =>
  requestOptions(deps, "step_up", { userId, sessionId });

/** A step-up with a passkey: sensitive actions on this session for the next ten minutes. */
export const stepUpWithPasskey = async (
  deps: TPasskeySignInDeps,
  userId: string,
  sessionId: string,
  response: TPasskeyAuthenticationResponse,
) => {
  const challenge = await takePasskeyChallenge(deps.db, response.response.clientDataJSON, "step_up", {
    userId,
    sessionId,
  });
  const attempt = await beginSecondFactor(deps.limiters, userId);
  await verifyAssertion(deps, response, challenge, { userId, requireUserVerification: false });
  await attempt.succeeded();
  return markStepUp(deps, sessionId);
};
