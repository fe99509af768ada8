import type { Db } from "@cto/db/client";
import { hashPassword } from "@cto/db/password";
import { mailLocaleOf, type TMailLocale } from "@cto/mail/templates";

import { ApiError } from "../errors.ts";
import { NO_AUTH_CACHE, type TAuthCache } from "../lib/auth-cache.ts";
import { hashToken, newToken } from "../lib/tokens.ts";
import type { TPostman } from "./mailer.ts";

const RESET_TTL_MS = 3_600_000;

/**
 * Emails a one-hour reset link when the address has an active account; says nothing either way.
 * Only the newest link works: issuing one deletes the account's unused ones, under a lock on the
 * user row, so two requests at once still leave exactly one.
 */
export const requestPasswordReset = async ({
  db,
  postman,
  webOrigin,
  email,
  requestedLocale,
}: {
  db: Db;
  postman: TPostman;
  /** The language the request's browser asks for: the email's, unless the account chose one. */
  requestedLocale?: TMailLocale;
  webOrigin: string;
  email: string;
}) => {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, preferences: true, isActive: true },
  });
  if (!user?.isActive) return;
  const token = newToken();
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${user.id}::uuid FOR UPDATE`;
    await tx.passwordReset.deleteMany({ where: { userId: user.id, used: false } });
    await tx.passwordReset.create({
      data: { userId: user.id, token: hashToken(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) },
    });
  });
  await postman.post({
    userId: user.id,
    to: user.email,
    template: {
      kind: "PASSWORD_RESET",
      locale: mailLocaleOf(user.preferences, requestedLocale),
      name: user.name,
      link: `${webOrigin}/reset-password?token=${token}`,
    },
  });
};

/**
 * Sets a new password with a reset token and signs out every session. Claiming the token and
 * changing the password happen together, so a token works exactly once. Returns the account's email.
 */
export const confirmPasswordReset = async ({
  db,
  token,
  password,
  cache = NO_AUTH_CACHE,
}: {
  db: Db;
  token: string;
  password: string;
  cache?: TAuthCache;
}) => {
  const passwordHash = await hashPassword(password);
  const outcome = await db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({
      where: { token: hashToken(token), used: false, expiresAt: { gt: new Date() } },
      data: { used: true, usedAt: new Date() },
    });
    if (claimed.count === 0) return null;
    const reset = await tx.passwordReset.findUniqueOrThrow({ where: { token: hashToken(token) } });
    const user = await tx.user.update({ where: { id: reset.userId }, data: { passwordHash }, select: { email: true } });
    // One statement, so a session that starts meanwhile is either ended and named or left alone.
    const ended = await tx.$queryRaw<
      Array<{ session_token: string }>
    >`DELETE FROM sessions WHERE user_id = ${reset.userId}::uuid RETURNING session_token`;
    return { email: user.email, sessionHashes: ended.map((row) => row.session_token) };
  });
  if (!outcome) throw new ApiError("bad_request", "This reset link is invalid, used or expired; ask for a new one.");
  await cache.forget(outcome.sessionHashes);
  return { email: outcome.email };
};
