import { generateSecret, generateURI, verifySync } from "otplib";

import type { Db } from "@cto/db/client";
import type { SecretBox } from "@cto/db/secrets";

/** The name authenticator apps show beside the account. */
export const TOTP_ISSUER = "Cto";
/** A code of the step before or after now is accepted too: an authenticator's clock may be half a minute off. */
const TOLERANCE_SECONDS = 30;

export type TTotpDeps = { db: Db; secrets: SecretBox };

/** A new secret (160 bits, base32) and the otpauth:// URI an authenticator app scans. */
export const newTotpSecret = (email: string) => {
  const secret = generateSecret();
  return { secret, otpauthUri: generateURI({ issuer: TOTP_ISSUER, label: email, secret }) };
};

/**
 * Whether `code` is the authenticator's code for now (± one step), and not one of a step already used:
 * the accepted step is written with a compare-and-set, so a code works once even when sent twice at once.
 * `enabled: false` checks the enrolment's secret (not yet on).
 */
export const acceptTotpCode = async (
  { db, secrets }: TTotpDeps,
  userId: string,
  code: string,
  { enabled = true } = {},
): Promise<boolean> => {
  const factor = await db.totpFactor.findUnique({ where: { userId } });
  if (!factor || (factor.enabledAt !== null) !== enabled) return false;
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  const result = verifySync({
    secret: secrets.decrypt(factor.secret),
    token,
    epochTolerance: TOLERANCE_SECONDS,
    ...(factor.lastStep === null ? {} : { afterTimeStep: factor.lastStep }),
  });
  // The HOTP half of the union has no time step; a TOTP check always names one.
  if (!result.valid || !("timeStep" in result)) return false;
  const step = result.timeStep;
  const { count } = await db.totpFactor.updateMany({
    where: { userId, OR: [{ lastStep: null }, { lastStep: { lt: step } }] },
    data: { lastStep: step },
  });
  return count === 1;
};
