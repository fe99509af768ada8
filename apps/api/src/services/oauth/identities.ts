import type { Db, User } from "@cto/db/client";

import { ApiError, notFound } from "../../errors.ts";
import { accountDisabled } from "../sessions.ts";
import type { TIdentity } from "./providers.ts";

// Provider identities are rows of the Auth.js-shaped `accounts` table. No provider token is kept:
// sign-in needs only the subject, so there is nothing to seal or to leak.
const TYPE = "oidc";

/** What the callback decides for an identity that is not linked yet. */
export type TSignInOutcome =
  | { kind: "user"; user: User; created: boolean }
  | { kind: "needs_password"; userId: string; email: string };

/**
 * A provider's sign-in: the user its (provider, subject) is linked to; else a new account for a
 * verified address nobody has; an address that belongs to an account is never linked here (the
 * account's owner must prove it is theirs first: `needs_password`).
 */
export const signInWithIdentity = async (db: Db, provider: string, identity: TIdentity): Promise<TSignInOutcome> => {
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId: identity.subject } },
    select: { user: true },
  });
  if (linked) {
    if (!linked.user.isActive) throw accountDisabled();
    const user = await db.user.update({ where: { id: linked.user.id }, data: { lastSeenAt: new Date() } });
    return { kind: "user", user, created: false };
  }
  if (!identity.email || !identity.emailVerified)
    throw new ApiError(
      "forbidden",
      "Your provider did not confirm an email address, so no account can be made or found with it. Sign in another way, then link it in Settings.",
    );
  const existing = await db.user.findUnique({ where: { email: identity.email }, select: { id: true } });
  if (existing) return { kind: "needs_password", userId: existing.id, email: identity.email };
  const email = identity.email;
  try {
    const user = await db.user.create({
      data: {
        email,
        name: identity.name,
        emailVerified: new Date(),
        lastSeenAt: new Date(),
        accounts: { create: { type: TYPE, provider, providerAccountId: identity.subject } },
      },
    });
    return { kind: "user", user, created: true };
  } catch (error) {
    // Two first sign-ins racing: the loser finds the address taken, as anyone's would be.
    if ((error as { code?: string }).code !== "P2002") throw error;
    const taken = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    return { kind: "needs_password", userId: taken.id, email };
  }
};

/** Links an identity to a user who proved the account is theirs; 409 if another account has it. */
export const linkIdentity = async (db: Db, userId: string, provider: string, subject: string) => {
  const current = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId: subject } },
    select: { userId: true },
  });
  if (current && current.userId !== userId)
    throw new ApiError("conflict", "This provider account already signs in to another Cto account.");
  if (current) return;
  await db.account.create({ data: { userId, type: TYPE, provider, providerAccountId: subject } });
};

/** The user's linked providers, and whether a password is a way in too. */
export const listIdentities = async (db: Db, userId: string) => {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      passwordHash: true,
      accounts: { select: { id: true, provider: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  return { hasPassword: user.passwordHash !== null, identities: user.accounts };
};

/**
 * Unlinks one of the user's identities, unless it is the last way in (no password, no other
 * provider): 409. The user's row is locked meanwhile, so two unlinks at once cannot both pass the check.
 */
export const unlinkIdentity = async (db: Db, userId: string, id: string) =>
  db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { passwordHash: true, accounts: { select: { id: true } } },
    });
    if (!user.accounts.some((account) => account.id === id)) throw notFound("linked account");
    if (user.passwordHash === null && user.accounts.length === 1)
      throw new ApiError(
        "conflict",
        "This is your only way to sign in. Set a password (Forgot password) or link another provider first.",
      );
    await tx.account.delete({ where: { id } });
  });
