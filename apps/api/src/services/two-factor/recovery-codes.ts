import { createHash, randomInt } from "node:crypto";

import type { Db, DbExecutor } from "@cto/db/client";

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: a code is copied from paper by hand.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const GROUP = 5;

const normalize = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Only this digest is stored. The codes are random (about 49 bits each), so a fast hash is enough; the user id salts it. */
const digest = (userId: string, code: string) =>
  createHash("sha256")
    .update(`${userId}:${normalize(code)}`, "utf8")
    .digest("hex");

const newCode = () => {
  const chars = Array.from({ length: GROUP * 2 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${chars.slice(0, GROUP)}-${chars.slice(GROUP)}`;
};

/** Replaces the user's recovery codes with new ones; the codes themselves are returned this once. */
export const replaceRecoveryCodes = async (db: DbExecutor, userId: string) => {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await db.recoveryCode.deleteMany({ where: { userId } });
  await db.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: digest(userId, code) })) });
  return codes;
};

/** Spends one unused recovery code; false when it is not one of the user's or was used before. */
export const spendRecoveryCode = async (db: Db, userId: string, code: string) => {
  if (normalize(code).length !== GROUP * 2) return false;
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: digest(userId, code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
};

export const recoveryCodesLeft = (db: Db, userId: string) => db.recoveryCode.count({ where: { userId, usedAt: null } });
