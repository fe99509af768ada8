import type { Db } from "@cto/db/client";

export type TCleanupCounts = { sessions: number; passwordResets: number; verificationTokens: number; telegramLinkTokens: number; telegramUnlinked: number };

/**
 * Deletes what can no longer be used: sessions past their idle or absolute expiry, password resets
 * that were used or expired, expired email verification tokens, and expired Telegram link tokens
 * (a connection that was never linked goes with its token; a linked one only loses the token).
 * Each statement is idempotent, so a rerun after a crash just finds less to do.
 */
export const cleanupExpired = async ({ db, now = new Date() }: { db: Db; now?: Date }): Promise<TCleanupCounts> => {
  const sessions = await db.session.deleteMany({ where: { OR: [{ expires: { lt: now } }, { absoluteExpiresAt: { lt: now } }] } });
  const passwordResets = await db.passwordReset.deleteMany({ where: { OR: [{ used: true }, { expiresAt: { lt: now } }] } });
  const verificationTokens = await db.verificationToken.deleteMany({ where: { expires: { lt: now } } });
  const expiredLink = { connectionToken: { not: null }, connectionTokenExpiresAt: { lt: now } };
  const telegramUnlinked = await db.telegramConnection.deleteMany({ where: { ...expiredLink, isActive: false, telegramChatId: null } });
  const telegramLinkTokens = await db.telegramConnection.updateMany({ where: expiredLink, data: { connectionToken: null, connectionTokenExpiresAt: null } });
  return { sessions: sessions.count, passwordResets: passwordResets.count, verificationTokens: verificationTokens.count, telegramLinkTokens: telegramLinkTokens.count + telegramUnlinked.count, telegramUnlinked: telegramUnlinked.count };
};
