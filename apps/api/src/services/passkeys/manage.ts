import type { Db } from "@cto/db/client";

import { ApiError, notFound } from "../../errors.ts";

const FIELDS = {
  id: true,
  name: true,
  credentialDeviceType: true,
  credentialBackedUp: true,
  transports: true,
  createdAt: true,
  lastUsedAt: true,
} as const;

/** The user's passkeys, oldest first (never their keys). */
export const listPasskeys = (db: Db, userId: string) =>
  db.authenticator.findMany({ where: { userId }, select: FIELDS, orderBy: { createdAt: "asc" } });

export const renamePasskey = async (db: Db, userId: string, id: string, name: string) => {
  const { count } = await db.authenticator.updateMany({ where: { id, userId }, data: { name } });
  if (count === 0) throw notFound("passkey");
  return db.authenticator.findUniqueOrThrow({ where: { id }, select: FIELDS });
};

/**
 * Deletes one of the user's passkeys, unless it is the last way in (no password, no identity provider,
 * no other passkey): 409. The user's row is locked meanwhile, so two deletions at once cannot both pass.
 * The Auth.js account a passkey registered through Auth.js has goes with it.
 */
export const deletePasskey = async (db: Db, userId: string, id: string) =>
  db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        passwordHash: true,
        accounts: { where: { type: { not: "webauthn" } }, select: { id: true } },
        authenticators: { select: { id: true, providerAccountId: true } },
      },
    });
    const passkey = user.authenticators.find((row) => row.id === id);
    if (!passkey) throw notFound("passkey");
    if (user.passwordHash === null && user.accounts.length === 0 && user.authenticators.length === 1)
      throw new ApiError(
        "conflict",
        "This passkey is your only way to sign in. Set a password (Forgot password), link a provider or add another passkey first.",
      );
    await tx.authenticator.delete({ where: { id } });
    await tx.account.deleteMany({ where: { userId, type: "webauthn", providerAccountId: passkey.providerAccountId } });
  });
