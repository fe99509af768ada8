import { createHash } from "node:crypto";

import type { Db } from "@cto/db/client";

import { ApiError } from "../../errors.ts";

/** How long a browser has to answer a passkey request. */
export const PASSKEY_CHALLENGE_MS = 5 * 60_000;

export type TPasskeyPurpose = "register" | "sign_in" | "second_factor" | "step_up";
/** Who may finish the ceremony: the user, session or password step it was made for. */
export type TChallengeBinding = { userId?: string; sessionId?: string; signInChallengeId?: string };

const digest = (challenge: string) => createHash("sha256").update(challenge, "utf8").digest("hex");

export const badResponse = (message: string, path = "response") =>
  new ApiError("validation_failed", message, [{ path, message }]);

/** Keeps the challenge of options just made (only its digest), for one ceremony of `purpose`. */
export const keepPasskeyChallenge = async (
  db: Db,
  challenge: string,
  purpose: TPasskeyPurpose,
  binding: TChallengeBinding,
) => {
  // Stale challenges go when new ones are made; a used one is deleted when it is taken.
  await db.passkeyChallenge.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  await db.passkeyChallenge.create({
    data: {
      challengeHash: digest(challenge),
      purpose,
      userId: binding.userId ?? null,
      sessionId: binding.sessionId ?? null,
      signInChallengeId: binding.signInChallengeId ?? null,
      expiresAt: new Date(Date.now() + PASSKEY_CHALLENGE_MS),
    },
  });
};

/** The challenge the browser signed, read from its clientDataJSON (base64url JSON); 400 when it is not one. */
const signedChallenge = (clientDataJSON: string) => {
  try {
    const data: unknown = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8"));
    const challenge = (data as { challenge?: unknown }).challenge;
    if (typeof challenge === "string" && challenge.length > 0 && challenge.length <= 200) return challenge;
  } catch {
    // Not JSON: refused below like any other malformed answer.
  }
  throw badResponse("The browser's answer is not a WebAuthn client data object.", "response.response.clientDataJSON");
};

/**
 * Takes (deletes) the challenge the browser's answer was signed over, so it works once even when two
 * answers race; refuses one that is unknown, spent, expired, made for another purpose or for another
 * user, session or password step. Answers the challenge, for the WebAuthn verification to compare.
 */
export const takePasskeyChallenge = async (
  db: Db,
  clientDataJSON: string,
  purpose: TPasskeyPurpose,
  binding: TChallengeBinding,
) => {
  const challenge = signedChallenge(clientDataJSON);
  const row = await db.passkeyChallenge
    .delete({ where: { challengeHash: digest(challenge) } })
    // P2025: no such row (never made, or taken already).
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === "P2025") return undefined;
      throw error;
    });
  const matches =
    row !== undefined &&
    row.purpose === purpose &&
    row.expiresAt.getTime() > Date.now() &&
    (binding.userId === undefined || row.userId === binding.userId) &&
    (binding.sessionId === undefined || row.sessionId === binding.sessionId) &&
    (binding.signInChallengeId === undefined || row.signInChallengeId === binding.signInChallengeId);
  if (!matches)
    throw badResponse(
      "This passkey request has expired or was already used; start again.",
      "response.response.clientDataJSON",
    );
  return challenge;
};
