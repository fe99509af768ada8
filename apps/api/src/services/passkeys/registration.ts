import type { AuthenticatorTransport } from "@simplewebauthn/server";

import { PASSKEY_TRANSPORTS, type TRegisterPasskey } from "@cto/contracts/api/passkeys";
import type { Db } from "@cto/db/client";

import { ApiError } from "../../errors.ts";
import { badResponse, keepPasskeyChallenge, takePasskeyChallenge } from "./challenges.ts";
import type { TRelyingParty } from "./relying-party.ts";
import { webauthn } from "./webauthn.ts";

export type TPasskeyDeps = { db: Db; relyingParty: TRelyingParty };

/** A user's passkeys at most: each is a row the sign-in options list. */
export const MAX_PASSKEYS = 20;

const isKnownTransport = (name: string): name is AuthenticatorTransport =>
  (PASSKEY_TRANSPORTS as readonly string[]).includes(name);

/** The transports a browser named that WebAuthn defines (a newer browser may name more). */
const knownTransports = (names: readonly string[] | undefined) => (names ?? []).filter(isKnownTransport);

/** The transports a passkey row names (kept comma-separated, as Auth.js keeps them). */
export const transportsOf = (row: { transports: string | null }) =>
  (row.transports ?? "").split(",").filter(Boolean) as AuthenticatorTransport[];

/**
 * Options for adding a passkey on this session: a discoverable credential (it can sign in without an
 * email), user verification preferred, none of the user's passkeys registered twice.
 */
export const passkeyRegistrationOptions = async (
  { db, relyingParty }: TPasskeyDeps,
  userId: string,
  sessionId: string,
) => {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, authenticators: { select: { credentialID: true, transports: true } } },
  });
  if (user.authenticators.length >= MAX_PASSKEYS)
    throw new ApiError("conflict", `An account has at most ${MAX_PASSKEYS} passkeys; delete one first.`);
  const { generateRegistrationOptions } = await webauthn();
  const options = await generateRegistrationOptions({
    rpName: relyingParty.name,
    rpID: relyingParty.id,
    userName: user.email,
    userDisplayName: user.name ?? user.email,
    // The user handle a passkey returns at sign-in: the user's id, which names nothing else.
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    excludeCredentials: user.authenticators.map((row) => ({ id: row.credentialID, transports: transportsOf(row) })),
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
    supportedAlgorithmIDs: [-7, -257],
  });
  await keepPasskeyChallenge(db, options.challenge, "register", { userId, sessionId });
  return options;
};

/** Checks the browser's answer to the registration options of this session and keeps the new passkey. */
export const registerPasskey = async (
  { db, relyingParty }: TPasskeyDeps,
  userId: string,
  sessionId: string,
  { response, name }: TRegisterPasskey,
) => {
  const challenge = await takePasskeyChallenge(db, response.response.clientDataJSON, "register", {
    userId,
    sessionId,
  });
  const { verifyRegistrationResponse } = await webauthn();
  const verification = await verifyRegistrationResponse({
    response: { ...response, clientExtensionResults: response.clientExtensionResults ?? {} },
    expectedChallenge: challenge,
    expectedOrigin: relyingParty.origin,
    expectedRPID: relyingParty.id,
    requireUserVerification: false,
  }).catch((error: Error) => {
    throw badResponse(`The passkey could not be checked: ${error.message}`);
  });
  if (!verification.verified) throw badResponse("The passkey could not be checked.");
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  if (credential.id !== response.id) throw badResponse("The answer names another credential.", "response.id");
  try {
    return await db.authenticator.create({
      data: {
        userId,
        credentialID: credential.id,
        // Auth.js names a passkey's account by its credential id; the same here keeps both readable.
        providerAccountId: credential.id,
        credentialPublicKey: Buffer.from(credential.publicKey).toString("base64url"),
        counter: credential.counter,
        credentialDeviceType,
        credentialBackedUp,
        transports: knownTransports(response.response.transports).join(",") || null,
        name: name ?? null,
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    throw new ApiError("conflict", "This passkey is registered already.");
  }
};
